import { LakemeshError } from '../../lib/errors';
import { DEFAULT_RESTRICTED_CLASSIFICATION, planTableAccess } from '../../lib/plan/table-access';
import { column, contract, ordersContract, role, table } from '../support/contract-factory';
import { problemsOf } from '../support/problems';

const options = { restrictedClassification: 'restricted' };


function withRoles(...roles: ReturnType<typeof role>[]) {
  return ordersContract({ roles });
}

describe('planTableAccess', () => {
  test('the default restricted classification is "restricted"', () => {
    expect(DEFAULT_RESTRICTED_CLASSIFICATION).toBe('restricted');
  });

  test('grants every column but restricted ones, partition keys last, in contract order', () => {
    const [orders, refunds] = planTableAccess(ordersContract(), 'analyst', options);
    expect(orders).toEqual({
      table: 'orders',
      columns: ['order_id', 'amount', 'items', 'country', 'dt'],
      withheldColumns: ['customer_email'],
      restrictedColumns: ['customer_email'],
      includeColumns: [],
    });
    expect(refunds).toEqual({
      table: 'refunds',
      columns: ['refund_id', 'order_id'],
      withheldColumns: ['customer_email'],
      restrictedColumns: ['customer_email'],
      includeColumns: [],
    });
  });

  test('a bare includeColumns entry grants the restricted column on every table having it', () => {
    const [orders, refunds] = planTableAccess(ordersContract(), 'auditor', options);
    expect(orders.columns).toEqual(['order_id', 'customer_email', 'amount', 'items', 'country', 'dt']);
    expect(orders.withheldColumns).toEqual([]);
    expect(orders.includeColumns).toEqual(['customer_email']);
    expect(refunds.columns).toEqual(['refund_id', 'order_id', 'customer_email']);
  });

  test('a table.column includeColumns entry grants on that table only', () => {
    const [orders, refunds] = planTableAccess(
      withRoles(role('auditor', { includeColumns: ['orders.customer_email'] })),
      'auditor',
      options,
    );
    expect(orders.columns).toContain('customer_email');
    expect(orders.includeColumns).toEqual(['customer_email']);
    expect(refunds.columns).not.toContain('customer_email');
    expect(refunds.includeColumns).toEqual([]);
  });

  test('a bare excludeColumns entry removes the column from every table having it', () => {
    const [orders, refunds] = planTableAccess(
      withRoles(role('analyst', { excludeColumns: ['order_id'] })),
      'analyst',
      options,
    );
    expect(orders.columns).toEqual(['amount', 'items', 'country', 'dt']);
    expect(orders.withheldColumns).toEqual(['order_id', 'customer_email']);
    expect(refunds.columns).toEqual(['refund_id']);
  });

  test('a table.column excludeColumns entry removes the column from that table only', () => {
    const [orders, refunds] = planTableAccess(
      withRoles(role('analyst', { excludeColumns: ['refunds.order_id'] })),
      'analyst',
      options,
    );
    expect(orders.columns).toContain('order_id');
    expect(refunds.columns).toEqual(['refund_id']);
  });

  test('excludeColumns can withhold a partition key', () => {
    const [orders] = planTableAccess(withRoles(role('analyst', { excludeColumns: ['orders.dt'] })), 'analyst', options);
    expect(orders.columns).toEqual(['order_id', 'amount', 'items', 'country']);
    expect(orders.withheldColumns).toEqual(['customer_email', 'dt']);
  });

  test('exclusion wins over inclusion', () => {
    const [orders] = planTableAccess(
      withRoles(role('auditor', { includeColumns: ['customer_email'], excludeColumns: ['orders.customer_email'] })),
      'auditor',
      options,
    );
    expect(orders.columns).not.toContain('customer_email');
    expect(orders.includeColumns).toEqual(['customer_email']);
  });

  test('column references match case-insensitively', () => {
    const [orders] = planTableAccess(
      withRoles(role('analyst', { excludeColumns: ['ORDERS.Order_Id'] })),
      'analyst',
      options,
    );
    expect(orders.columns).not.toContain('order_id');
  });

  test('the restricted classification is configurable and compared case-insensitively', () => {
    const custom = contract({
      tables: [table('t', [column('a', { classification: 'Confidential' }), column('b', { classification: 'restricted' })])],
      roles: [role('reader')],
    });
    const [access] = planTableAccess(custom, 'reader', { restrictedClassification: 'CONFIDENTIAL' });
    expect(access.columns).toEqual(['b']);
    expect(access.restrictedColumns).toEqual(['a']);
  });

  test('a row filter string applies to every table', () => {
    const access = planTableAccess(withRoles(role('analyst', { rowFilter: "country = 'DE'" })), 'analyst', options);
    expect(access.map((a) => a.rowFilter)).toEqual(["country = 'DE'", "country = 'DE'"]);
  });

  test('a row filter mapping applies per table, keys matched case-insensitively', () => {
    const access = planTableAccess(
      withRoles(role('analyst', { rowFilter: { Orders: "country = 'DE'" } })),
      'analyst',
      options,
    );
    expect(access[0].rowFilter).toBe("country = 'DE'");
    expect('rowFilter' in access[1]).toBe(false);
  });

  test('without a row filter no table carries one', () => {
    const access = planTableAccess(ordersContract(), 'analyst', options);
    expect(access.every((a) => !('rowFilter' in a))).toBe(true);
  });

  describe('fails', () => {
    test('when the role is not in the contract, with a did-you-mean', () => {
      expect(problemsOf(() => planTableAccess(ordersContract(), 'analist', options))).toEqual([
        {
          code: 'LM380',
          path: 'role',
          message: 'role "analist" is not a role of contract "orders-contract" (roles: analyst, auditor); did you mean "analyst"?',
        },
      ]);
    });

    test('when the contract defines no roles', () => {
      expect(problemsOf(() => planTableAccess(ordersContract({ roles: [] }), 'analyst', options))[0].message).toBe(
        'role "analyst" is not a role of contract "orders-contract" (the contract defines no roles: add one under roles[])',
      );
    });

    test('when the role does not have read access', () => {
      const problems = problemsOf(() =>
        planTableAccess(withRoles(role('analyst'), role('loader', { access: 'write' })), 'loader', options),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          code: 'LM381',
          path: 'roles[1].access',
          message:
            'role "loader" of contract "orders-contract" has access "write"; consumers can only be granted roles with access "read": name a read role in the grant',
        }),
      ]);
    });

    test('when a table is left with no columns, naming role and table, at the role location', () => {
      const error = (() => {
        try {
          planTableAccess(withRoles(role('analyst', { excludeColumns: ['refund_id', 'refunds.order_id'] })), 'analyst', options);
        } catch (caught) {
          return caught as LakemeshError;
        }
        throw new Error('expected an error');
      })();
      expect(error.message).toBe(
        'test.odcs.yaml:1:1: roles[0]: role "analyst" of contract "orders-contract" leaves table "refunds" with no column to grant; remove some of its columns from lakemesh.excludeColumns, or name restricted ones in lakemesh.includeColumns [LM382]',
      );
    });

    test('when a bare excludeColumns entry names no column', () => {
      const problems = problemsOf(() =>
        planTableAccess(withRoles(role('analyst', { excludeColumns: ['order_idd'] })), 'analyst', options),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          code: 'LM383',
          path: 'roles[0].lakemesh.excludeColumns[0]',
          message:
            'role "analyst": lakemesh.excludeColumns entry "order_idd" names no column of any table: write an existing column name, or table.column; did you mean "order_id"?',
        }),
      ]);
    });

    test('when a table.column entry names an unknown table', () => {
      const problems = problemsOf(() =>
        planTableAccess(withRoles(role('auditor', { includeColumns: ['order.customer_email'] })), 'auditor', options),
      );
      expect(problems.map((p) => [p.code, p.path, p.message])).toEqual([
        [
          'LM383',
          'roles[0].lakemesh.includeColumns[0]',
          'role "auditor": lakemesh.includeColumns entry "order.customer_email" names table "order", which the contract does not define (tables: orders, refunds); did you mean "orders"?',
        ],
      ]);
    });

    test('when a table.column entry names a column the table lacks', () => {
      const problems = problemsOf(() =>
        planTableAccess(withRoles(role('analyst', { excludeColumns: ['refunds.amount'] })), 'analyst', options),
      );
      expect(problems[0].message).toBe(
        'role "analyst": lakemesh.excludeColumns entry "refunds.amount" names column "amount", which table "refunds" does not have',
      );
    });

    test('when a row filter mapping names an unknown table', () => {
      const problems = problemsOf(() =>
        planTableAccess(withRoles(role('analyst', { rowFilter: { refund: 'refund_id > 0' } })), 'analyst', options),
      );
      expect(problems.map((p) => [p.code, p.path, p.message])).toEqual([
        [
          'LM384',
          'roles[0].lakemesh.rowFilter.refund',
          'role "analyst": lakemesh.rowFilter names table "refund", which the contract does not define (tables: orders, refunds); did you mean "refunds"?',
        ],
      ]);
    });

    test('when a row filter breaks Lake Formation limits (reported per table)', () => {
      const problems = problemsOf(() =>
        planTableAccess(withRoles(role('analyst', { rowFilter: { orders: 'cardinality(items) > 0' } })), 'analyst', options),
      );
      expect(problems.map((p) => [p.code, p.path])).toEqual([['LM387', 'roles[0].lakemesh.rowFilter']]);
    });

    test('with every problem at once', () => {
      const problems = problemsOf(() =>
        planTableAccess(
          withRoles(
            role('analyst', {
              excludeColumns: ['nope', 'refund_id', 'refunds.order_id'],
              rowFilter: { orders: '  ', ghost: 'x = 1' },
            }),
          ),
          'analyst',
          options,
        ),
      );
      expect(problems.map((p) => p.code).sort()).toEqual(['LM382', 'LM383', 'LM384', 'LM385']);
    });
  });
});
