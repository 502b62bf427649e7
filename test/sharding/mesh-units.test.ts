/**
 * The stack groups and units of a mesh (pure, from the model): which groups exist, which units each
 * holds in canonical order, what each unit depends on. Sizes are compared with synthesized
 * templates in test/app/sharding.test.ts.
 */
import { loadMesh } from '../../lib/config/load-mesh';
import { productPolicyCount } from '../../lib/sharding/estimate';
import { meshStackGroups } from '../../lib/sharding/mesh-units';
import { EXAMPLE_MESH_FILE, FIXED_TODAY, replaceOnce, writeExampleVariant } from '../support/mesh-app-fixture';

const load = (file: string) => loadMesh(file, { today: new Date(`${FIXED_TODAY}T12:00:00Z`) });

describe('meshStackGroups', () => {
  const groups = meshStackGroups(load(EXAMPLE_MESH_FILE));
  const governance = groups[0];

  test('are governance, then each domain, then each consumer, by name', () => {
    expect(groups.map((group) => group.key)).toEqual(['governance', 'domain/customers', 'domain/logistics', 'domain/sales', 'consumer/finance', 'consumer/marketing']);
  });

  test('list a domain\'s registration, then each of its products followed by the grants on it', () => {
    expect(governance.units.filter((unit) => unit.key.includes('sales')).map((unit) => [unit.key, unit.after ?? null])).toEqual([
      ['registration/sales', null],
      ['product/sales.daily_revenue', 'registration/sales'],
      ['grant/sales.daily_revenue/finance', 'product/sales.daily_revenue'],
      ['product/sales.orders', 'registration/sales'],
      ['grant/sales.orders/finance', 'product/sales.orders'],
      ['grant/sales.orders/marketing', 'product/sales.orders'],
    ]);
  });

  test('give a domain its products and a consumer its links', () => {
    expect(groups[3].units.map((unit) => unit.key)).toEqual(['product/sales.daily_revenue', 'product/sales.orders']);
    expect(groups[4].units.map((unit) => unit.key)).toEqual(['link/customers.profiles', 'link/logistics.shipments', 'link/sales.daily_revenue', 'link/sales.orders']);
  });

  test('estimate a grant unit at one permission per principal and granted object, plus its filters', () => {
    // marketing (2 principals) on sales.orders as marketing_analyst: the database, the table's DESCRIBE, SELECT on its row filter; and the filter.
    const unit = governance.units.find((candidate) => candidate.key === 'grant/sales.orders/marketing')!;
    expect(unit.size.resources).toBe(2 * 3 + 1);
    expect(unit.size.bytes).toBeGreaterThan(7 * 1000);
  });

  test('estimate the first stack\'s fixed content apart from the units', () => {
    expect(governance.firstShardOverhead.resources).toBeGreaterThan(governance.laterShardOverhead.resources);
    expect(groups[4].laterShardOverhead.resources).toBeGreaterThan(1); // a consumer shard accepts its own RAM invitations
  });

  test('hold no governance units with producer-direct sharing; the domains hold the grants', () => {
    const direct = meshStackGroups(load(writeExampleVariant((text) => replaceOnce(text, 'sharing: central-catalog', 'sharing: producer-direct'))));
    expect(direct[0].units).toEqual([]);
    expect(direct.find((group) => group.key === 'domain/sales')!.units.map((unit) => unit.key)).toEqual([
      'product/sales.daily_revenue',
      'grant/sales.daily_revenue/finance',
      'product/sales.orders',
      'grant/sales.orders/finance',
      'grant/sales.orders/marketing',
    ]);
  });

  test('leave RAM acceptance out of consumer shards when every account is in one organization', () => {
    const organization = meshStackGroups(load(writeExampleVariant((text) => replaceOnce(text, 'organization: false', 'organization: true'))));
    expect(organization[4].laterShardOverhead.resources).toBe(1);
  });
});

describe('productPolicyCount', () => {
  test('one policy up to 25 products, then a power of two with 25 products a policy at least', () => {
    expect([1, 25, 26, 50, 51, 110, 200].map(productPolicyCount)).toEqual([1, 1, 2, 2, 4, 8, 8]);
  });
});
