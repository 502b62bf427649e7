/** Tables, partition keys, primary keys, column sets and order, quality rules. */
import { contract, partitionKey } from '../support/contract-factory';
import { changesBetween, col, rule, tbl } from './helpers';

const orders = tbl('orders', [col('order_id'), col('amount', { type: 'decimal(10,2)' })]);
const refunds = tbl('refunds', [col('refund_id')]);

function tablesChanges(old: Parameters<typeof tbl>[], next: Parameters<typeof tbl>[], servers = contract().servers) {
  return changesBetween(
    contract({ tables: old.map((args) => tbl(...args)), servers }),
    contract({ tables: next.map((args) => tbl(...args)), servers }),
  );
}

describe('tables', () => {
  test('a removed table is breaking', () => {
    expect(changesBetween(contract({ tables: [orders, refunds] }), contract({ tables: [orders] }))).toEqual([
      { severity: 'breaking', code: 'table-removed', path: 'refunds', message: 'table removed (it had 1 columns)' },
    ]);
  });

  test('an added table is info', () => {
    expect(changesBetween(contract({ tables: [orders] }), contract({ tables: [orders, refunds] }))).toEqual([
      { severity: 'info', code: 'table-added', path: 'refunds', message: 'table added with columns (refund_id)' },
    ]);
  });

  test('tables are matched by glue name, not by position', () => {
    expect(changesBetween(contract({ tables: [orders, refunds] }), contract({ tables: [refunds, orders] }))).toEqual([]);
  });

  test('a table description change is info', () => {
    expect(tablesChanges([['orders', [col('a')], { description: 'old' }]], [['orders', [col('a')], { description: 'new' }]])).toEqual([
      { severity: 'info', code: 'table-description-changed', path: 'orders', message: 'description changed from "old" to "new"' },
    ]);
  });

  test('a schema object that is not a table, removed, is breaking; added is info', () => {
    const topic = (name: string) => ({ name, physicalType: 'topic', location: orders.location });
    const changes = changesBetween(
      contract({ tables: [orders], otherObjects: [topic('order_events')] }),
      contract({ tables: [orders], otherObjects: [topic('order_updates')] }),
    );
    expect(changes).toEqual([
      { severity: 'breaking', code: 'object-removed', path: 'order_events', message: 'schema object removed (it was topic)' },
      { severity: 'info', code: 'object-added', path: 'order_updates', message: 'schema object added (topic)' },
    ]);
  });
});

describe('columns', () => {
  test('a removed column is breaking', () => {
    expect(tablesChanges([['orders', [col('a'), col('b', { type: 'int' })]]], [['orders', [col('a')]]])).toEqual([
      { severity: 'breaking', code: 'column-removed', path: 'orders.b', message: 'column removed (it was int)' },
    ]);
  });

  test('an added column is info and says what it is', () => {
    expect(tablesChanges([['orders', [col('a')]]], [['orders', [col('a'), col('b', { required: true, classification: 'internal' })]]])).toEqual([
      { severity: 'info', code: 'column-added', path: 'orders.b', message: 'column added (string, required, internal)' },
    ]);
  });

  test('a renamed column is a removal and an addition', () => {
    expect(tablesChanges([['orders', [col('a')]]], [['orders', [col('b')]]]).map((change) => change.code)).toEqual(['column-removed', 'column-added']);
  });
});

describe('partition keys', () => {
  const table = (keys: ReturnType<typeof partitionKey>[]) => tbl('orders', [col('order_id')], { partitionKeys: keys });

  test.each([
    ['a key added', [partitionKey('dt', 1)], [partitionKey('dt', 1), partitionKey('country', 2)], 'partition keys changed from (dt string) to (dt string, country string)'],
    ['a key removed', [partitionKey('dt', 1), partitionKey('country', 2)], [partitionKey('dt', 1)], 'partition keys changed from (dt string, country string) to (dt string)'],
    ['the order changed', [partitionKey('dt', 1), partitionKey('country', 2)], [partitionKey('country', 1), partitionKey('dt', 2)], 'partition keys changed from (dt string, country string) to (country string, dt string)'],
    ['a key type changed', [partitionKey('dt', 1)], [partitionKey('dt', 1, 'date')], 'partition keys changed from (dt string) to (dt date)'],
    ['the table partitioned', [], [partitionKey('dt', 1)], 'partition keys changed from (none) to (dt string)'],
  ])('%s is breaking', (_case, before, after, message) => {
    const changes = changesBetween(contract({ tables: [table(before)] }), contract({ tables: [table(after)] }));
    // A key added or removed is also a column added or removed (tested under columns).
    expect(changes.filter((change) => change.code === 'partition-keys-changed')).toEqual([
      { severity: 'breaking', code: 'partition-keys-changed', path: 'orders', message },
    ]);
  });

  test('a removed key is also a removed column', () => {
    const changes = changesBetween(contract({ tables: [table([partitionKey('dt', 1)])] }), contract({ tables: [table([])] }));
    expect(changes.map((change) => change.code)).toEqual(['partition-keys-changed', 'column-removed']);
  });

  test('a partition key type change is not also reported as a column type change', () => {
    const codes = changesBetween(contract({ tables: [table([partitionKey('dt', 1)])] }), contract({ tables: [table([partitionKey('dt', 1, 'date')])] })).map(
      (change) => change.code,
    );
    expect(codes).toEqual(['partition-keys-changed']);
  });

  test('a column that becomes a partition key is not reported as removed', () => {
    const before = tbl('orders', [col('order_id'), col('dt')]);
    const after = tbl('orders', [col('order_id')], { partitionKeys: [partitionKey('dt', 1)] });
    expect(changesBetween(contract({ tables: [before] }), contract({ tables: [after] })).map((change) => change.code)).toEqual(['partition-keys-changed']);
  });

  test('other rules still apply to partition keys', () => {
    const after = table([{ ...partitionKey('dt', 1), description: 'order date' }]);
    expect(changesBetween(contract({ tables: [table([partitionKey('dt', 1)])] }), contract({ tables: [after] })).map((change) => change.code)).toEqual([
      'column-description-changed',
    ]);
  });
});

test('a primary key change is a warning', () => {
  expect(tablesChanges([['orders', [col('a'), col('b')], { primaryKey: ['a'] }]], [['orders', [col('a'), col('b')], { primaryKey: ['a', 'b'] }]])).toEqual([
    { severity: 'warning', code: 'primary-key-changed', path: 'orders', message: 'primary key changed from (a) to (a, b)' },
  ]);
});

describe('column order', () => {
  const csv = [{ server: 'prod', type: 's3', format: 'CSV' }];

  test('reordering columns read by name (parquet) is info', () => {
    expect(tablesChanges([['orders', [col('a'), col('b'), col('c')]]], [['orders', [col('c'), col('a'), col('b')]]])).toEqual([
      { severity: 'info', code: 'column-order-changed', path: 'orders', message: 'column order changed from (a, b, c) to (c, a, b)' },
    ]);
  });

  test('inserting a column in the middle does not reorder the others', () => {
    expect(tablesChanges([['orders', [col('a'), col('b')]]], [['orders', [col('a'), col('x'), col('b')]]]).map((change) => change.code)).toEqual([
      'column-added',
    ]);
  });

  test('inserting a column in the middle of a csv table is breaking', () => {
    expect(tablesChanges([['orders', [col('a'), col('b')]]], [['orders', [col('a'), col('x'), col('b')]]], csv)).toEqual([
      {
        severity: 'breaking',
        code: 'column-order-changed',
        path: 'orders',
        message: 'column order changed from (a, b) to (a, x, b); csv files are read by position, so keep existing columns in order and append new ones at the end',
      },
      { severity: 'info', code: 'column-added', path: 'orders.x', message: 'column added (string)' },
    ]);
  });

  test('appending a column to a csv table is only an addition', () => {
    expect(tablesChanges([['orders', [col('a'), col('b')]]], [['orders', [col('a'), col('b'), col('x')]]], csv).map((change) => change.code)).toEqual([
      'column-added',
    ]);
  });
});

describe('quality rules', () => {
  const rowCount = (minimum: number) => rule({ metric: 'rowCount', mustBeGreaterThan: minimum });
  const noNulls = rule({ metric: 'nullValues', mustBe: 0, description: 'no nulls' });

  test('an added rule is a warning', () => {
    expect(tablesChanges([['orders', [col('a')]]], [['orders', [col('a')], { quality: [rowCount(100)] }]])).toEqual([
      { severity: 'warning', code: 'quality-rule-added', path: 'orders', message: 'quality rule added: rowCount mustBeGreaterThan 100' },
    ]);
  });

  test('a changed threshold is one warning', () => {
    expect(tablesChanges([['orders', [col('a')], { quality: [rowCount(100)] }]], [['orders', [col('a')], { quality: [rowCount(1000)] }]])).toEqual([
      {
        severity: 'warning',
        code: 'quality-rule-changed',
        path: 'orders',
        message: 'quality rule changed from rowCount mustBeGreaterThan 100 to rowCount mustBeGreaterThan 1000',
      },
    ]);
  });

  test('a removed rule is info', () => {
    expect(tablesChanges([['orders', [col('a', { quality: [noNulls] })]]], [['orders', [col('a')]]])).toEqual([
      { severity: 'info', code: 'quality-rule-removed', path: 'orders.a', message: 'quality rule removed: nullValues mustBe 0' },
    ]);
  });

  test('a sql rule shows its query and arguments', () => {
    const sql = rule({ type: 'sql', query: 'SELECT COUNT(*)\n  FROM ${table}', mustBe: 0, arguments: { window: 7 } });
    expect(tablesChanges([['orders', [col('a')]]], [['orders', [col('a')], { quality: [sql] }]])[0].message).toBe(
      'quality rule added: sql "SELECT COUNT(*) FROM ${table}" window=7 mustBe 0',
    );
  });

  test('a rule whose description alone changed is no change', () => {
    const redescribed = { ...noNulls, description: 'never null' };
    expect(tablesChanges([['orders', [col('a', { quality: [noNulls] })]]], [['orders', [col('a', { quality: [redescribed] })]]])).toEqual([]);
  });
});
