/** Roles: what grants name, and how much of the data each one shows. */
import { ContractRole } from '../../lib/contract/model';
import { contract, role, RoleOptions } from '../support/contract-factory';
import { changesBetween, col, ordersWith, tbl } from './helpers';

function roleChanges(old: readonly ContractRole[], next: readonly ContractRole[]) {
  return changesBetween(ordersWith(undefined, { roles: old }), ordersWith(undefined, { roles: next }));
}

const analyst = (options: RoleOptions = {}) => role('analyst', options);

test('a removed role is breaking: grants name roles', () => {
  expect(roleChanges([analyst(), role('auditor')], [analyst()])).toEqual([
    { severity: 'breaking', code: 'role-removed', path: 'roles.auditor', message: 'role removed; grants that name role "auditor" no longer resolve' },
  ]);
});

test('an added role is info', () => {
  expect(roleChanges([analyst()], [analyst(), role('auditor')])).toEqual([
    { severity: 'info', code: 'role-added', path: 'roles.auditor', message: 'role added (access read)' },
  ]);
});

test('a read role that stops being read is breaking', () => {
  expect(roleChanges([analyst()], [analyst({ access: 'write' })])).toEqual([
    {
      severity: 'breaking',
      code: 'role-access-changed',
      path: 'roles.analyst.access',
      message: 'access changed from read to write; grants can only name read roles',
    },
  ]);
});

test('a role that becomes read is info', () => {
  expect(roleChanges([analyst({ access: 'write' })], [analyst()])).toEqual([
    { severity: 'info', code: 'role-access-changed', path: 'roles.analyst.access', message: 'access changed from write to read' },
  ]);
});

test('a role description change is info', () => {
  expect(roleChanges([{ ...analyst(), description: 'a' }], [{ ...analyst(), description: 'b' }])).toEqual([
    { severity: 'info', code: 'role-description-changed', path: 'roles.analyst', message: 'description changed from "a" to "b"' },
  ]);
});

describe('columns a role sees', () => {
  test('excluding more columns is a warning', () => {
    expect(roleChanges([analyst({ excludeColumns: ['email'] })], [analyst({ excludeColumns: ['phone', 'email'] })])).toEqual([
      {
        severity: 'warning',
        code: 'role-columns-narrowed',
        path: 'roles.analyst.excludeColumns',
        message: 'excluded columns changed from (email) to (email, phone): consumers of the role see fewer columns',
      },
    ]);
  });

  test('excluding fewer columns is info', () => {
    expect(roleChanges([analyst({ excludeColumns: ['email'] })], [analyst()])).toEqual([
      { severity: 'info', code: 'role-columns-widened', path: 'roles.analyst.excludeColumns', message: 'excluded columns changed from (email) to (none)' },
    ]);
  });

  test('including fewer restricted columns is a warning', () => {
    expect(roleChanges([analyst({ includeColumns: ['email'] })], [analyst()])).toEqual([
      {
        severity: 'warning',
        code: 'role-columns-narrowed',
        path: 'roles.analyst.includeColumns',
        message: 'included restricted columns changed from (email) to (none): consumers of the role see fewer columns',
      },
    ]);
  });

  test('including more restricted columns is info', () => {
    expect(roleChanges([analyst()], [analyst({ includeColumns: ['email'] })]).map((change) => [change.severity, change.code])).toEqual([
      ['info', 'role-columns-widened'],
    ]);
  });

  test('the same columns in another order is no change', () => {
    expect(roleChanges([analyst({ excludeColumns: ['a', 'b'] })], [analyst({ excludeColumns: ['b', 'a'] })])).toEqual([]);
  });
});

describe('row filters', () => {
  test('a changed filter is a warning', () => {
    expect(roleChanges([analyst({ rowFilter: "country = 'DE'" })], [analyst({ rowFilter: "country = 'FR'" })])).toEqual([
      {
        severity: 'warning',
        code: 'role-row-filter-changed',
        path: 'roles.analyst.rowFilter.orders',
        message: `row filter on orders changed from "country = 'DE'" to "country = 'FR'": consumers of the role may see fewer rows`,
      },
    ]);
  });

  test('an added filter is a warning', () => {
    expect(roleChanges([analyst()], [analyst({ rowFilter: "country = 'DE'" })]).map((change) => change.code)).toEqual(['role-row-filter-changed']);
  });

  test('a removed filter is info', () => {
    expect(roleChanges([analyst({ rowFilter: "country = 'DE'" })], [analyst()])).toEqual([
      { severity: 'info', code: 'role-row-filter-removed', path: 'roles.analyst.rowFilter.orders', message: `row filter on orders changed from "country = 'DE'" to none` },
    ]);
  });

  test('filters are compared per table, so the same filter written per table is no change', () => {
    const tables = [tbl('orders', [col('a')]), tbl('refunds', [col('a')])];
    const old = contract({ tables, roles: [analyst({ rowFilter: 'a > 0' })] });
    const next = contract({ tables, roles: [analyst({ rowFilter: { orders: 'a > 0', refunds: 'a > 0' } })] });
    expect(changesBetween(old, next)).toEqual([]);
  });

  test('only the table whose filter changed is reported', () => {
    const tables = [tbl('orders', [col('a')]), tbl('refunds', [col('a')])];
    const old = contract({ tables, roles: [analyst({ rowFilter: 'a > 0' })] });
    const next = contract({ tables, roles: [analyst({ rowFilter: { orders: 'a > 0' } })] });
    expect(changesBetween(old, next).map((change) => change.path)).toEqual(['roles.analyst.rowFilter.refunds']);
  });
});
