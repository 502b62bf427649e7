import {
  catalogObjectKey,
  permissionConstructId,
  permissionPairHash,
  permissionPairKey,
  PermissionResource,
} from '../../lib/plan/permission-key';

const principal = 'arn:aws:iam::444444444444:role/analyst';
const columns = (columnNames: string[]): PermissionResource => ({
  kind: 'tableWithColumns',
  catalogId: '111111111111',
  databaseName: 'sales_orders',
  name: 'orders',
  columnNames,
});

describe('permission pair identity', () => {
  test('the construct id is Grant plus 12 hex characters of the pair hash', () => {
    const id = permissionConstructId(principal, columns(['a']));
    expect(id).toMatch(/^Grant[0-9a-f]{12}$/);
    expect(id).toBe(`Grant${permissionPairHash(principal, columns(['a']))}`);
  });

  test('does not depend on the granted columns, which merge', () => {
    expect(permissionPairKey(principal, columns(['a', 'b']))).toBe(permissionPairKey(principal, columns(['c'])));
  });

  test('differs per principal and per resource kind', () => {
    const table: PermissionResource = { kind: 'table', catalogId: '111111111111', databaseName: 'sales_orders', name: 'orders' };
    const ids = new Set([
      permissionConstructId(principal, table),
      permissionConstructId(principal, columns(['a'])),
      permissionConstructId('arn:aws:iam::444444444444:role/other', table),
      permissionConstructId(principal, { kind: 'table', catalogId: '111111111111', databaseName: 'sales_orders' }),
    ]);
    expect(ids.size).toBe(4);
  });

  test('cannot be confused by separators inside names', () => {
    const a: PermissionResource = { kind: 'database', catalogId: '1', name: 'a"b' };
    const b: PermissionResource = { kind: 'database', catalogId: '1"', name: 'b' };
    expect(permissionPairKey('p', a)).not.toBe(permissionPairKey('p', b));
  });
});

describe('catalogObjectKey', () => {
  test('puts every permission and filter on one table under one key', () => {
    const keys = new Set([
      catalogObjectKey(columns(['a'])),
      catalogObjectKey({ kind: 'table', catalogId: '111111111111', databaseName: 'sales_orders', name: 'orders' }),
      catalogObjectKey({
        kind: 'dataCellsFilter',
        tableCatalogId: '111111111111',
        databaseName: 'sales_orders',
        tableName: 'orders',
        name: 'f',
      }),
    ]);
    expect(keys.size).toBe(1);
  });

  test('gives a table wildcard the key of its database', () => {
    expect(catalogObjectKey({ kind: 'table', catalogId: '1', databaseName: 'db' })).toBe(
      catalogObjectKey({ kind: 'database', catalogId: '1', name: 'db' }),
    );
  });
});
