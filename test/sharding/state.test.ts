import { ShardState, stateDifferences } from '../../lib/sharding/state';

const state = (groups: ShardState['groups']): ShardState => ({ shardsVersion: 1, mesh: 'retail', groups });

describe('stateDifferences', () => {
  test('is empty for the same state', () => {
    const same = state({ governance: { shards: 1, units: { 'product/sales.orders': 1 } } });
    expect(stateDifferences(same, same)).toEqual([]);
  });

  test('lists units to pin, units that left, moved units and changed shard counts, sorted by group and unit', () => {
    const recorded = state({
      governance: { shards: 2, units: { 'product/sales.orders': 1, 'grant/sales.orders/finance': 2, 'grant/sales.orders/marketing': 1 } },
      'consumer/finance': { shards: 1, units: { 'link/sales.orders': 1 } },
    });
    const fresh = state({
      governance: { shards: 3, units: { 'product/sales.orders': 1, 'grant/sales.orders/finance': 3, 'product/sales.returns': 3 } },
      'domain/sales': { shards: 1, units: { 'product/sales.orders': 1 } },
    });
    expect(stateDifferences(recorded, fresh)).toEqual([
      '- consumer/finance: 1 → 0 shard(s)',
      '- consumer/finance: link/sales.orders (was in shard 1)',
      '+ domain/sales: 0 → 1 shard(s)',
      '+ domain/sales: product/sales.orders in shard 1',
      '+ governance: 2 → 3 shard(s)',
      '~ governance: grant/sales.orders/finance moves from shard 2 to shard 3',
      '- governance: grant/sales.orders/marketing (was in shard 1)',
      '+ governance: product/sales.returns in shard 3',
    ]);
  });

  test('lists everything as to pin when nothing was recorded', () => {
    expect(stateDifferences(undefined, state({ governance: { shards: 1, units: { 'registration/sales': 1 } } }))).toEqual([
      '+ governance: 0 → 1 shard(s)',
      '+ governance: registration/sales in shard 1',
    ]);
  });
});
