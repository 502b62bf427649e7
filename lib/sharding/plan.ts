/**
 * Which shard every unit of a mesh goes to. Units the shard state records stay where it says,
 * forever: moving a unit to another stack deletes and re-creates its resources, a revoke and
 * re-grant of live access. Units it does not record (a first run, a new product or grant) are placed
 * in canonical order into the group's last shard while it has room below the fill level, else into
 * a new shard after it. A removed unit leaves a hole that is never filled by moving others.
 *
 * Pure: the same mesh, state and limits always give the same plan.
 */
import { MeshConfig } from '../config/model';
import { LakemeshError, Problem } from '../errors';
import { SHARDING_CODES } from './codes';
import { SizeTally } from './estimate';
import { SHARD_LIMITS, ShardLimits } from './limits';
import { meshStackGroups } from './mesh-units';
import { ShardSize, ShardUnit, StackGroupUnits } from './model';
import { ShardGroupState, ShardState } from './state';

export interface PlannedShard {
  /** 1 for the group's first stack, then 2, 3 …. */
  readonly number: number;
  /** Keys of the units it holds, in canonical order. */
  readonly units: readonly string[];
  /**
   * Estimated size, fixed content included. Only shards the plan had to weigh carry one (the last
   * shard, those new units went to, every shard with `estimateAll`).
   */
  readonly size?: ShardSize;
}

export interface GroupPlan {
  readonly group: StackGroupUnits;
  /** Shards 1 … n, holes (shards without units) included. */
  readonly shards: readonly PlannedShard[];
  /** Unit key → shard number. */
  readonly shardOf: ReadonlyMap<string, number>;
  /** Units the state did not record, placed by the fallback (canonical order). */
  readonly unpinned: readonly string[];
  /** Units `rebalance` moved out of shards that outgrew the limits. */
  readonly moved: readonly string[];
  /** Weighed shards estimated over the hard limits. */
  readonly overLimit: readonly PlannedShard[];
}

export interface ShardPlan {
  readonly mesh: string;
  /** By group key: governance, then domains, then consumers. */
  readonly groups: ReadonlyMap<string, GroupPlan>;
}

export interface PlanShardsOptions {
  /** Assignments to keep. @default - none: every unit is placed by the fallback */
  readonly state?: ShardState;
  /** @default SHARD_LIMITS */
  readonly limits?: ShardLimits;
  /**
   * Weigh every shard, so that `overLimit` lists each recorded shard whose units outgrew the limits.
   * @default false - only the shards placement needs (synth checks the real sizes anyway)
   */
  readonly estimateAll?: boolean;
  /**
   * Move units out of recorded shards estimated over the hard limits (the newest units that
   * nothing depends on first) so that the state written next stays deployable. Only
   * `lakemesh lock` does this: it is a reviewed step, and a move re-grants live access. Implies
   * `estimateAll`.
   * @default false - recorded units never move
   */
  readonly rebalance?: boolean;
}

/** Plans every stack group of `mesh`. Throws `LakemeshError` (LM540, LM550, LM553) when a plan cannot deploy. */
export function planShards(mesh: MeshConfig, options: PlanShardsOptions = {}): ShardPlan {
  const limits = options.limits ?? SHARD_LIMITS;
  const problems: Problem[] = [];
  const groups = new Map<string, GroupPlan>();
  const rebalance = options.rebalance ?? false;
  for (const group of meshStackGroups(mesh)) {
    const recorded = options.state?.groups[group.key];
    groups.set(group.key, planGroup(group, recorded, limits, { rebalance, estimateAll: rebalance || (options.estimateAll ?? false) }, problems));
  }
  if (problems.length > 0) throw new LakemeshError(problems);
  return { mesh: mesh.name, groups };
}

/** Plans one group; see the module comment. Problems are appended to `problems`. */
export function planGroup(
  group: StackGroupUnits,
  recorded: ShardGroupState | undefined,
  limits: ShardLimits,
  options: { readonly rebalance: boolean; readonly estimateAll: boolean },
  problems: Problem[],
): GroupPlan {
  const shardOf = new Map<string, number>();
  const members = new Map<number, ShardUnit[]>();
  let count = Math.max(1, recorded?.shards ?? 1);
  for (const unit of group.units) {
    const shard = recorded?.units[unit.key];
    if (shard === undefined) continue;
    shardOf.set(unit.key, shard);
    push(members, shard, unit);
    count = Math.max(count, shard);
  }
  // A shard's load is summed when first needed: with a complete state only the last shard is weighed.
  const loads = new Map<number, SizeTally>();
  const load = (shard: number): SizeTally => {
    let tally = loads.get(shard);
    if (tally === undefined) {
      tally = new SizeTally().add(shard === 1 ? group.firstShardOverhead : group.laterShardOverhead);
      for (const unit of members.get(shard) ?? []) tally.add(unit.size);
      loads.set(shard, tally);
    }
    return tally;
  };
  const byKey = new Map(group.units.map((unit) => [unit.key, unit]));
  const dependents = new Map<string, ShardUnit[]>();
  for (const unit of group.units) if (unit.after !== undefined) push(dependents, unit.after, unit);
  checkOrder(group, shardOf, byKey, problems);
  if (options.estimateAll) for (let n = 1; n <= count; n++) load(n);
  const evicted = options.rebalance ? evictFromOverfullShards(group, shardOf, count, load, dependents, limits, problems) : [];

  const unpinned: string[] = [];
  for (const unit of group.units) {
    if (shardOf.has(unit.key)) continue;
    if (!fitsAlone(group, unit, limits)) {
      problems.push(unitTooLarge(group, unit, limits));
      continue;
    }
    let target = fits(load(count), unit.size, limits) ? count : ++count;
    // A recorded unit that depends on this new one must not come before it (only a hand-edited state does that).
    const bound = Math.min(...(dependents.get(unit.key) ?? []).map((d) => shardOf.get(d.key) ?? Infinity));
    if (target > bound) target = bound;
    shardOf.set(unit.key, target);
    load(target).add(unit.size);
    if (!evicted.includes(unit.key)) unpinned.push(unit.key);
  }
  const moved = evicted.filter((key) => shardOf.get(key) !== recorded?.units[key]);

  const unitsByShard = new Map<number, string[]>();
  for (const unit of group.units) {
    const shard = shardOf.get(unit.key);
    if (shard !== undefined) push(unitsByShard, shard, unit.key);
  }
  const shards = Array.from({ length: count }, (_, i): PlannedShard => {
    const tally = loads.get(i + 1);
    return { number: i + 1, units: unitsByShard.get(i + 1) ?? [], ...(tally ? { size: tally.size } : {}) };
  });
  const overLimit = shards.filter((shard) => shard.size !== undefined && !within(shard.size, limits.maxResources, limits.maxTemplateBytes));
  return { group, shards, shardOf, unpinned, moved, overLimit };
}

/** A recorded unit before the unit it depends on would make the shard chain cyclic. */
function checkOrder(group: StackGroupUnits, shardOf: ReadonlyMap<string, number>, byKey: ReadonlyMap<string, ShardUnit>, problems: Problem[]): void {
  for (const [key, shard] of shardOf) {
    const after = byKey.get(key)?.after;
    const afterShard = after === undefined ? undefined : shardOf.get(after);
    if (afterShard === undefined || afterShard <= shard) continue;
    problems.push({
      code: SHARDING_CODES.misordered,
      path: `groups.${group.key}.units.${key}`,
      message: `the shard state puts ${key} in shard ${shard} of ${group.key}, before ${after} (shard ${afterShard}) that it depends on; shards deploy in order, so restore the state file from version control, or move ${key} to shard ${afterShard} or later`,
    });
  }
}

/**
 * Takes units out of recorded shards estimated over the hard limits, newest first (reverse canonical
 * order), until each is back at its fill level. Only units nothing depends on can move: a moved unit
 * is placed again like a new one, after every shard its dependents are in. Returns the evicted keys.
 */
function evictFromOverfullShards(
  group: StackGroupUnits,
  shardOf: Map<string, number>,
  count: number,
  load: (shard: number) => SizeTally,
  dependents: ReadonlyMap<string, readonly ShardUnit[]>,
  limits: ShardLimits,
  problems: Problem[],
): string[] {
  const moved: string[] = [];
  for (let shard = 1; shard <= count; shard++) {
    const tally = load(shard);
    if (within(tally.size, limits.maxResources, limits.maxTemplateBytes)) continue;
    const movable = group.units.filter((unit) => shardOf.get(unit.key) === shard && (dependents.get(unit.key) ?? []).every((d) => !shardOf.has(d.key))).reverse();
    for (const unit of movable) {
      if (within(tally.size, limits.fillResources, limits.fillTemplateBytes)) break;
      shardOf.delete(unit.key);
      tally.add(unit.size, -1);
      moved.push(unit.key);
    }
    if (!within(tally.size, limits.maxResources, limits.maxTemplateBytes)) {
      problems.push({
        code: SHARDING_CODES.cannotRebalance,
        path: `groups.${group.key}`,
        message: `shard ${shard} of ${group.key} is estimated at ${describeSize(tally.size)}, over the limits (${limits.maxResources} resources, ${limits.maxTemplateBytes} bytes), and what it holds cannot move without breaking the deploy order; split the largest product or consumer, or remove units from it`,
      });
    }
  }
  return moved;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function fits(load: SizeTally, size: ShardSize, limits: ShardLimits): boolean {
  return load.resources + size.resources <= limits.fillResources && load.bytes + size.bytes <= limits.fillTemplateBytes;
}

function fitsAlone(group: StackGroupUnits, unit: ShardUnit, limits: ShardLimits): boolean {
  const alone = new SizeTally().add(group.laterShardOverhead).add(unit.size).size;
  return within(alone, limits.maxResources, limits.maxTemplateBytes);
}

function within(size: ShardSize, resources: number, bytes: number): boolean {
  return Math.ceil(size.resources) <= resources && size.bytes <= bytes;
}

function unitTooLarge(group: StackGroupUnits, unit: ShardUnit, limits: ShardLimits): Problem {
  return {
    code: SHARDING_CODES.unitTooLarge,
    path: `groups.${group.key}.units.${unit.key}`,
    message: `${unit.key} alone is estimated at ${describeSize(unit.size)}, more than one stack of ${group.key} may hold (${limits.maxResources} resources, ${limits.maxTemplateBytes} bytes); split the product into smaller products, or give the consumer fewer principals`,
  };
}

export function describeSize(size: ShardSize): string {
  return `${Math.ceil(size.resources)} resources and ${Math.ceil(size.bytes / 1024)} KiB`;
}
