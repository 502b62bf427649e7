/**
 * The shard state: which shard each unit of each stack group was placed in, and how many shards
 * each group has (an emptied shard still counts: its stack must deploy once more to delete what it
 * held). `lakemesh lock` writes it beside the mesh file; synth only reads it. See docs/sharding.md.
 */
import { compareKeys } from './model';
import { ShardPlan } from './plan';

/** The state format this version of lakemesh reads and writes. */
export const SHARD_STATE_VERSION = 1;

export interface ShardGroupState {
  /** Shards the group has; at least 1, never fewer than the highest shard of a unit. */
  readonly shards: number;
  /** Unit key → shard number (1-based). */
  readonly units: Readonly<Record<string, number>>;
}

export interface ShardState {
  readonly shardsVersion: typeof SHARD_STATE_VERSION;
  /** The mesh `name`. */
  readonly mesh: string;
  /** Group key → its state. */
  readonly groups: Readonly<Record<string, ShardGroupState>>;
}

/** The state that pins `plan`: every group, every unit, groups and units sorted by key. */
export function shardStateOf(plan: ShardPlan): ShardState {
  const groups: [string, ShardGroupState][] = [...plan.groups.values()]
    .map((group): [string, ShardGroupState] => [
      group.group.key,
      {
        shards: group.shards.length,
        units: Object.fromEntries([...group.shardOf].sort(([a], [b]) => compareKeys(a, b))),
      },
    ])
    .sort(([a], [b]) => compareKeys(a, b));
  return { shardsVersion: SHARD_STATE_VERSION, mesh: plan.mesh, groups: Object.fromEntries(groups) };
}

/**
 * How `fresh` differs from `recorded`, one line per difference, sorted: units to pin (`+`), units
 * that left the mesh (`-`), units placed elsewhere (`~`, only after a rebalance) and changed shard
 * counts. Empty when `recorded` is up to date.
 */
export function stateDifferences(recorded: ShardState | undefined, fresh: ShardState): string[] {
  const lines: string[] = [];
  const keys = new Set([...Object.keys(recorded?.groups ?? {}), ...Object.keys(fresh.groups)]);
  for (const group of keys) {
    const before = recorded?.groups[group];
    const after = fresh.groups[group];
    const units = new Set([...Object.keys(before?.units ?? {}), ...Object.keys(after?.units ?? {})]);
    for (const unit of units) {
      const was = before?.units[unit];
      const is = after?.units[unit];
      if (was === is) continue;
      if (was === undefined) lines.push(`+ ${group}: ${unit} in shard ${is}`);
      else if (is === undefined) lines.push(`- ${group}: ${unit} (was in shard ${was})`);
      else lines.push(`~ ${group}: ${unit} moves from shard ${was} to shard ${is}`);
    }
    if (before?.shards !== after?.shards) lines.push(`${after === undefined ? '-' : '+'} ${group}: ${before?.shards ?? 0} → ${after?.shards ?? 0} shard(s)`);
  }
  return lines.sort((a, b) => compareKeys(a.slice(2), b.slice(2)));
}
