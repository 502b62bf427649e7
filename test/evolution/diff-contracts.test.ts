/** The contract as a whole: identity, status, documentation, storage format, versions and the verdict. */
import { LakemeshError } from '../../lib/errors';
import { diffContracts } from '../../lib/evolution/diff-contracts';
import { ordersContract } from '../support/contract-factory';
import { changesBetween, col, ordersWith } from './helpers';

const base = ordersWith();

describe('identity', () => {
  test('a changed id is breaking: it is a different contract', () => {
    expect(changesBetween(base, { ...base, id: 'orders-v2' })).toEqual([
      {
        severity: 'breaking',
        code: 'contract-id-changed',
        path: 'id',
        message: 'id changed from "orders-contract" to "orders-v2": that is a different contract, which grants and the contract lock do not follow; keep the id',
      },
    ]);
  });

  test('a changed domain is breaking', () => {
    expect(changesBetween(base, { ...base, domain: 'finance' })).toEqual([
      {
        severity: 'breaking',
        code: 'domain-changed',
        path: 'domain',
        message: 'domain changed from sales to finance: the product becomes finance.orders, so its glue database and every grant on sales.orders change',
      },
    ]);
  });

  test('a product renamed (another slug) is breaking', () => {
    expect(changesBetween(base, { ...base, dataProduct: 'Order lines', productSlug: 'order_lines' })).toEqual([
      {
        severity: 'breaking',
        code: 'product-renamed',
        path: 'dataProduct',
        message: 'product renamed from orders to order_lines: the product becomes sales.order_lines, so its glue database and every grant on sales.orders change',
      },
    ]);
  });

  test('a product name written differently but with the same slug is info', () => {
    expect(changesBetween(base, { ...base, dataProduct: 'Orders' })).toEqual([
      { severity: 'info', code: 'product-name-changed', path: 'dataProduct', message: 'dataProduct changed from "orders" to "Orders" (same product name orders)' },
    ]);
  });
});

describe('status', () => {
  test.each([
    ['active', 'deprecated', 'warning', 'status-deprecated', 'status changed from active to deprecated: the product accepts no new grants'],
    ['active', 'retired', 'breaking', 'status-retired', 'status changed from active to retired: retired products fail synth and lose every grant'],
    ['deprecated', 'retired', 'breaking', 'status-retired', 'status changed from deprecated to retired: retired products fail synth and lose every grant'],
    ['active', 'draft', 'breaking', 'status-unshared', 'status changed from active to draft: draft products are not shared with other accounts, so consumers lose access'],
    ['draft', 'proposed', 'info', 'status-changed', 'status changed from draft to proposed'],
    ['proposed', 'active', 'info', 'status-changed', 'status changed from proposed to active'],
    ['deprecated', 'active', 'info', 'status-changed', 'status changed from deprecated to active'],
  ])('%s → %s is %s', (old, next, severity, code, message) => {
    expect(changesBetween({ ...base, status: old }, { ...base, status: next })).toEqual([{ severity, code, path: 'status', message }]);
  });
});

describe('documentation', () => {
  test('description fields are info, one change per field', () => {
    const old = { ...base, description: { purpose: 'orders', usage: 'reporting' } };
    const next = { ...base, description: { purpose: 'all orders', limitations: 'final after 24 hours' } };
    expect(changesBetween(old, next)).toEqual([
      { severity: 'info', code: 'description-changed', path: 'description.limitations', message: 'limitations changed from none to "final after 24 hours"' },
      { severity: 'info', code: 'description-changed', path: 'description.purpose', message: 'purpose changed from "orders" to "all orders"' },
      { severity: 'info', code: 'description-changed', path: 'description.usage', message: 'usage changed from "reporting" to none' },
    ]);
  });

  test('the owner is info', () => {
    expect(changesBetween({ ...base, owner: 'sales-data' }, { ...base, owner: 'revenue-data' })).toEqual([
      { severity: 'info', code: 'owner-changed', path: 'team', message: 'owner changed from "sales-data" to "revenue-data"' },
    ]);
  });

  test('the ODCS apiVersion is info', () => {
    expect(changesBetween(base, { ...base, apiVersion: 'v3.1.0' })).toEqual([
      { severity: 'info', code: 'api-version-changed', path: 'apiVersion', message: 'apiVersion changed from v3.0.2 to v3.1.0' },
    ]);
  });
});

describe('storage format', () => {
  const server = (format?: string) => ({ server: 'prod', type: 's3', format });

  test('another format is breaking', () => {
    expect(changesBetween(base, { ...base, servers: [server('csv')] })).toEqual([
      {
        severity: 'breaking',
        code: 'storage-format-changed',
        path: 'servers',
        message: 'storage format changed from parquet to csv: files already stored cannot be read in the new format',
      },
    ]);
  });

  test('spelling the default out, or changing its case, is no change', () => {
    expect(changesBetween(base, { ...base, servers: [server(), server(' Parquet ')] })).toEqual([]);
  });
});

describe('versions', () => {
  test('a change without a version change is a warning', () => {
    const next = ordersWith([col('order_id'), col('amount', { type: 'decimal(10,2)' }), col('note')]);
    expect(diffContracts(base, next).changes).toEqual([
      {
        severity: 'warning',
        code: 'version-unchanged',
        path: 'version',
        message: 'version stayed 1.2.0 although the contract changed; raise the patch version for documentation, the minor for additions, the major for breaking changes',
      },
      { severity: 'info', code: 'column-added', path: 'orders.note', message: 'column added (string)' },
    ]);
  });

  test('identical contracts with the same version have no changes', () => {
    expect(diffContracts(base, base)).toEqual({ changes: [], oldVersion: '1.2.0', newVersion: '1.2.0', majorBumped: false, breaking: false, blocked: false });
  });

  test('a lower version is a warning', () => {
    expect(diffContracts(base, { ...base, version: '1.1.0' }).changes).toEqual([
      { severity: 'warning', code: 'version-decreased', path: 'version', message: 'version decreased from 1.2.0 to 1.1.0; contract versions only go up' },
    ]);
  });

  test('a version change alone is no change', () => {
    expect(diffContracts(base, { ...base, version: '1.2.1' }).changes).toEqual([]);
  });

  test('invalid versions of both contracts are reported at once', () => {
    const old = { ...base, file: 'old.odcs.yaml', version: 'one', location: { file: 'old.odcs.yaml', line: 2, column: 1 } };
    const next = { ...base, file: 'new.odcs.yaml', version: '1.3', location: { file: 'new.odcs.yaml', line: 2, column: 1 } };
    expect(() => diffContracts(old, next)).toThrow(LakemeshError);
    expect(() => diffContracts(old, next)).toThrow(
      [
        'new.odcs.yaml:2:1: version: version "1.3" of contract "orders-contract" is not a semantic version; write MAJOR.MINOR.PATCH, e.g. "1.2.0" (a leading v and a pre-release such as "2.0.0-rc.1" are allowed), so that breaking changes can be checked against the major version [LM500]',
        'old.odcs.yaml:2:1: version: version "one" of contract "orders-contract" is not a semantic version; write MAJOR.MINOR.PATCH, e.g. "1.2.0" (a leading v and a pre-release such as "2.0.0-rc.1" are allowed), so that breaking changes can be checked against the major version [LM500]',
      ].join('\n'),
    );
  });
});

describe('the verdict', () => {
  const breakingNext = (version: string) => ordersWith([col('order_id')], { version });

  test('a breaking change without a major bump is blocked', () => {
    expect(diffContracts(base, breakingNext('1.3.0'))).toMatchObject({ oldVersion: '1.2.0', newVersion: '1.3.0', majorBumped: false, breaking: true, blocked: true });
  });

  test('a breaking change with a major bump is allowed', () => {
    expect(diffContracts(base, breakingNext('2.0.0'))).toMatchObject({ majorBumped: true, breaking: true, blocked: false });
  });

  test('a major bump accepts the v prefix on either side', () => {
    expect(diffContracts({ ...base, version: 'v1.2.0' }, breakingNext('v2.0.0'))).toMatchObject({ majorBumped: true, blocked: false });
  });

  test('a minor bump in 0.x allows breaking changes', () => {
    expect(diffContracts({ ...base, version: '0.2.0' }, breakingNext('0.3.0'))).toMatchObject({ majorBumped: true, blocked: false });
  });

  test('warnings alone never block', () => {
    const next = ordersWith(undefined, { version: '1.2.1', status: 'deprecated' });
    expect(diffContracts(base, next)).toMatchObject({ breaking: false, blocked: false });
  });
});

describe('ordering', () => {
  test('breaking first, then warnings, then info; within a severity by path', () => {
    const old = ordersContract();
    const next = ordersContract({
      version: '1.3.0',
      status: 'deprecated',
      tables: [old.tables[0], { ...old.tables[1], columns: old.tables[1].columns.slice(1) }],
      roles: [old.roles[1]],
      owner: 'someone',
    });
    expect(diffContracts(old, next).changes.map((change) => `${change.severity} ${change.path}`)).toEqual([
      'breaking refunds.refund_id',
      'breaking roles.analyst',
      'warning status',
      'info team',
    ]);
  });

  test('the same inputs give the same output, whatever the order of tables and roles', () => {
    const old = ordersContract();
    const next = ordersContract({ version: '2.0.0', tables: [old.tables[1]], roles: [] });
    const shuffled = { ...old, tables: [...old.tables].reverse(), roles: [...old.roles].reverse() };
    expect(diffContracts(shuffled, next)).toEqual(diffContracts(old, next));
  });
});
