/**
 * The placement rules of `planGroup` on hand-made groups (sizes chosen, not estimated): a first run
 * packs in order; recorded units never move; new units go to the last shard or a new one; removed
 * units leave holes; a lock may rebalance a shard that outgrew the limits.
 */
import { Problem } from '../../lib/errors';
import { shardLimits } from '../../lib/sharding/limits';
import { ShardUnit, StackGroupUnits } from '../../lib/sharding/model';
import { planGroup } from '../../lib/sharding/plan';
import { ShardGroupState } from '../../lib/sharding/state';

/** 10 resources per shard at most, new units fill to 8; bytes never bind. */
const LIMITS = shardLimits({ maxResources: 10, fillResources: 8, maxTemplateBytes: 1_000_000, fillTemplateBytes: 1_000_000 });

function unit(key: string, resources: number, after?: string): ShardUnit {
  return { key, kind: 'grant', size: { resources, bytes: 100 * resources }, ...(after ? { after } : {}) };
}

function group(units: ShardUnit[], overhead = 0): StackGroupUnits {
  return {
    key: 'governance',
    kind: 'governance',
    name: 'retail',
    firstShardOverhead: { resources: overhead, bytes: 0 },
    laterShardOverhead: { resources: 0, bytes: 0 },
    units,
  };
}

function plan(units: ShardUnit[], recorded?: ShardGroupState, options = { rebalance: false, estimateAll: true }) {
  const problems: Problem[] = [];
  const result = planGroup(group(units), recorded, LIMITS, options, problems);
  return { ...result, problems, placement: Object.fromEntries(result.shardOf) };
}

describe('planGroup', () => {
  test('a first run packs units in canonical order, opening a shard when the fill level would be passed', () => {
    const result = plan([unit('a', 4), unit('b', 4), unit('c', 1), unit('d', 3)]);
    expect(result.placement).toEqual({ a: 1, b: 1, c: 2, d: 2 });
    expect(result.shards.map((shard) => shard.units)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(result.unpinned).toEqual(['a', 'b', 'c', 'd']);
  });

  test('recorded units stay where the state puts them, however the mesh packs now', () => {
    const result = plan([unit('a', 1), unit('b', 1)], { shards: 2, units: { a: 2, b: 1 } });
    expect(result.placement).toEqual({ a: 2, b: 1 });
    expect(result.unpinned).toEqual([]);
  });

  test('a new unit joins the last shard while it has room, even one sorting first', () => {
    const result = plan([unit('a0', 2), unit('a', 4), unit('b', 4), unit('c', 2)], { shards: 2, units: { a: 1, b: 1, c: 2 } });
    expect(result.placement).toEqual({ a0: 2, a: 1, b: 1, c: 2 });
    expect(result.unpinned).toEqual(['a0']);
  });

  test('a new unit opens a shard when the last one is full, and never fills a hole in an earlier one', () => {
    const result = plan([unit('b', 4), unit('c', 7), unit('d', 3)], { shards: 2, units: { a: 1, b: 1, c: 2 } });
    expect(result.placement).toEqual({ b: 1, c: 2, d: 3 });
    expect(result.shards).toHaveLength(3);
  });

  test('a removed unit leaves a hole, and a shard emptied this way is kept', () => {
    const result = plan([unit('a', 4)], { shards: 3, units: { a: 1, b: 2, c: 3 } });
    expect(result.shards.map((shard) => shard.units)).toEqual([['a'], [], []]);
  });

  test('a new unit whose recorded dependent sits in an earlier shard goes to that shard', () => {
    const result = plan([unit('product', 5), unit('grant', 1, 'product'), unit('other', 7)], { shards: 2, units: { grant: 1, other: 2 } });
    expect(result.placement.product).toBe(1);
  });

  test('fails when the state puts a unit before the unit it depends on', () => {
    const result = plan([unit('product', 1), unit('grant', 1, 'product')], { shards: 2, units: { product: 2, grant: 1 } });
    expect(result.problems).toEqual([
      {
        code: 'LM553',
        path: 'groups.governance.units.grant',
        message: 'the shard state puts grant in shard 1 of governance, before product (shard 2) that it depends on; shards deploy in order, so restore the state file from version control, or move grant to shard 2 or later',
      },
    ]);
  });

  test('fails for a unit larger than a whole stack', () => {
    const result = plan([unit('huge', 11)]);
    expect(result.problems).toEqual([
      {
        code: 'LM540',
        path: 'groups.governance.units.huge',
        message: 'huge alone is estimated at 11 resources and 2 KiB, more than one stack of governance may hold (10 resources, 1000000 bytes); split the product into smaller products, or give the consumer fewer principals',
      },
    ]);
  });

  test('reports recorded shards that outgrew the limits, and leaves their units in place', () => {
    const result = plan([unit('a', 6), unit('b', 6)], { shards: 1, units: { a: 1, b: 1 } });
    expect(result.placement).toEqual({ a: 1, b: 1 });
    expect(result.overLimit.map((shard) => shard.number)).toEqual([1]);
  });

  test('rebalancing moves the newest units nothing depends on out of an over-full shard, and reports them', () => {
    const units = [unit('a', 3), unit('b', 3, 'a'), unit('c', 3), unit('d', 2)];
    const result = plan(units, { shards: 1, units: { a: 1, b: 1, c: 1, d: 1 } }, { rebalance: true, estimateAll: true });
    expect(result.problems).toEqual([]);
    expect(result.placement).toEqual({ a: 1, b: 1, c: 2, d: 2 });
    expect(result.moved).toEqual(['d', 'c']);
    expect(result.overLimit).toEqual([]);
  });

  test('rebalancing fails when only units others depend on could move', () => {
    const stuck: Problem[] = [];
    const limits = shardLimits({ maxResources: 5, fillResources: 4, maxTemplateBytes: 1_000_000, fillTemplateBytes: 1_000_000 });
    planGroup(group([unit('a', 6), unit('b', 1, 'a')]), { shards: 2, units: { a: 1, b: 2 } }, limits, { rebalance: true, estimateAll: true }, stuck);
    expect(stuck.map((problem) => problem.code)).toEqual(['LM550']);
    expect(stuck[0].message).toBe(
      'shard 1 of governance is estimated at 6 resources and 1 KiB, over the limits (5 resources, 1000000 bytes), and what it holds cannot move without breaking the deploy order; split the largest product or consumer, or remove units from it',
    );
  });

  test('with a complete state nothing is weighed; a new unit weighs itself and the last shard only', () => {
    const weighed: string[] = [];
    const spy = (key: string, resources: number): ShardUnit => ({
      key,
      kind: 'grant',
      get size() {
        weighed.push(key);
        return { resources, bytes: 0 };
      },
    });
    const recorded = { shards: 3, units: { a: 1, b: 2, c: 3 } };
    plan([spy('a', 1), spy('b', 1), spy('c', 1)], recorded, { rebalance: false, estimateAll: false });
    expect(weighed).toEqual([]);
    plan([spy('a', 1), spy('b', 1), spy('c', 1), spy('d', 1)], recorded, { rebalance: false, estimateAll: false });
    expect(new Set(weighed)).toEqual(new Set(['c', 'd']));
  });
});
