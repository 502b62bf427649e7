import { CONTRACT_CODES } from '../../lib/contract/codes';
import { baseContract, parsed, problems } from './helpers';

/** A contract with two tables (orders: order_id/email/country; refunds: refund_id/email) and one role. */
function withRole(customProperties: object[], extra: object = {}) {
  return baseContract({
    schema: [
      {
        name: 'Orders',
        physicalName: 'orders',
        properties: [
          { name: 'order_id', logicalType: 'string' },
          { name: 'Email', physicalName: 'email_address', logicalType: 'string', classification: 'restricted' },
          { name: 'country', logicalType: 'string', partitioned: true },
        ],
      },
      { name: 'refunds', properties: [{ name: 'refund_id', logicalType: 'string' }, { name: 'email', logicalType: 'string' }] },
    ],
    roles: [{ role: 'analyst', access: 'read', customProperties }],
    ...extra,
  });
}

const role = (customProperties: object[]) => parsed(withRole(customProperties)).roles[0];

describe('lakemesh role properties', () => {
  test('resolve column and table.column by Glue or ODCS name, any case, to Glue names', () => {
    const settings = role([
      { property: 'lakemesh.excludeColumns', value: ['EMAIL', 'orders.Email', 'Orders.country', 'order_id', 'order_id'] },
      { property: 'lakemesh.includeColumns', value: ['refunds.email'] },
    ]);
    expect(settings.excludeColumns).toEqual(['email', 'orders.email_address', 'orders.country', 'order_id']);
    expect(settings.includeColumns).toEqual(['refunds.email']);
  });

  test('a row filter for every table', () => {
    expect(role([{ property: 'lakemesh.rowFilter', value: "  country = 'DE' " }]).rowFilter).toEqual({
      kind: 'all-tables',
      expression: "country = 'DE'",
    });
  });

  test('a row filter per table, keyed by Glue table name', () => {
    expect(role([{ property: 'lakemesh.rowFilter', value: { orders: "country = 'DE'", REFUNDS: 'true' } }]).rowFilter).toEqual({
      kind: 'per-table',
      expressions: { orders: "country = 'DE'", refunds: 'true' },
    });
  });

  test('other custom properties are left alone', () => {
    expect(role([{ property: 'approval', value: 'x' }])).toMatchObject({ excludeColumns: [], includeColumns: [], rowFilter: undefined });
  });
});

describe('fails when', () => {
  test('a lakemesh property is unknown, with a did-you-mean hint', () => {
    expect(problems(withRole([{ property: 'lakemesh.excludeColumn', value: ['email'] }]))).toEqual([
      [
        CONTRACT_CODES.unknownLakemeshProperty,
        'roles[0].customProperties[0].property',
        'unknown lakemesh property "lakemesh.excludeColumn"; did you mean "lakemesh.excludeColumns"?',
      ],
    ]);
  });

  test('a lakemesh property is unknown and close to none, listing the known ones', () => {
    expect(problems(withRole([{ property: 'lakemesh.maskColumns', value: ['email'] }]))).toEqual([
      [
        CONTRACT_CODES.unknownLakemeshProperty,
        'roles[0].customProperties[0].property',
        'unknown lakemesh property "lakemesh.maskColumns"; lakemesh role properties are lakemesh.excludeColumns, lakemesh.includeColumns, lakemesh.rowFilter',
      ],
    ]);
  });

  test('a lakemesh property is misspelled in case only', () => {
    expect(problems(withRole([{ property: 'Lakemesh.RowFilter', value: 'true' }]))[0][2]).toBe(
      'unknown lakemesh property "Lakemesh.RowFilter"; did you mean "lakemesh.rowFilter"?',
    );
  });

  test.each([
    ['the contract', { customProperties: [{ property: 'lakemesh.rowFilter', value: 'x' }] }, 'customProperties[0].property', 'lakemesh.rowFilter'],
    [
      'a schema object',
      { schema: [{ name: 't', customProperties: [{ property: 'lakemesh.excludeColumns', value: [] }], properties: [{ name: 'a', logicalType: 'string' }] }] },
      'schema[0].customProperties[0].property',
      'lakemesh.excludeColumns',
    ],
    [
      'a nested property',
      { schema: [{ name: 't', properties: [{ name: 'a', logicalType: 'object', properties: [{ name: 'b', logicalType: 'string', customProperties: [{ property: 'lakemesh.x', value: 1 }] }] }] }] },
      'schema[0].properties[0].properties[0].customProperties[0].property',
      'lakemesh.x',
    ],
  ])('a lakemesh property sits on %s instead of a role', (_where, overrides, path, name) => {
    expect(problems(baseContract(overrides))).toEqual([
      [
        CONTRACT_CODES.misplacedLakemeshProperty,
        path,
        `lakemesh property "${name}" has no effect here; lakemesh properties belong in roles[].customProperties (lakemesh.excludeColumns, lakemesh.includeColumns, lakemesh.rowFilter)`,
      ],
    ]);
  });

  test('a column list is not a list', () => {
    expect(problems(withRole([{ property: 'lakemesh.excludeColumns', value: 'email' }]))).toEqual([
      [CONTRACT_CODES.invalidLakemeshValue, 'roles[0].customProperties[0].value', 'lakemesh.excludeColumns must be a list of column names, got a string ("email")'],
    ]);
  });

  test('a column list entry is not a name', () => {
    expect(problems(withRole([{ property: 'lakemesh.includeColumns', value: ['email', 3, ' '] }]))).toEqual([
      [CONTRACT_CODES.invalidLakemeshValue, 'roles[0].customProperties[0].value[1]', 'lakemesh.includeColumns entries must be column names, got a number (3)'],
      [CONTRACT_CODES.invalidLakemeshValue, 'roles[0].customProperties[0].value[2]', 'lakemesh.includeColumns entries must be column names, got a string (" ")'],
    ]);
  });

  test('a row filter is neither a string nor a mapping', () => {
    expect(problems(withRole([{ property: 'lakemesh.rowFilter', value: ["country = 'DE'"] }]))).toEqual([
      [
        CONTRACT_CODES.invalidLakemeshValue,
        'roles[0].customProperties[0].value',
        'lakemesh.rowFilter must be a PartiQL condition (a string) for every table, or a mapping of table name to condition, got a list',
      ],
    ]);
  });

  test('a row filter is empty', () => {
    expect(problems(withRole([{ property: 'lakemesh.rowFilter', value: '' }]))).toEqual([
      [CONTRACT_CODES.invalidLakemeshValue, 'roles[0].customProperties[0].value', `lakemesh.rowFilter is empty; write a PartiQL condition such as "country = 'DE'", or remove the property`],
    ]);
  });

  test('a per-table row filter is not a string', () => {
    expect(problems(withRole([{ property: 'lakemesh.rowFilter', value: { orders: 5 } }]))).toEqual([
      [
        CONTRACT_CODES.invalidLakemeshValue,
        'roles[0].customProperties[0].value.orders',
        'lakemesh.rowFilter for table "orders" must be a PartiQL condition (a non-empty string), got a number (5)',
      ],
    ]);
  });

  test('an excluded column does not exist', () => {
    expect(problems(withRole([{ property: 'lakemesh.excludeColumns', value: ['emial_address'] }]))).toEqual([
      [
        CONTRACT_CODES.unknownColumn,
        'roles[0].customProperties[0].value[0]',
        'lakemesh.excludeColumns names column "emial_address", which no table in this contract has; did you mean "email_address"?',
      ],
    ]);
  });

  test('a table.column names a table that does not exist', () => {
    expect(problems(withRole([{ property: 'lakemesh.includeColumns', value: ['ordrs.email'] }]))).toEqual([
      [CONTRACT_CODES.unknownColumn, 'roles[0].customProperties[0].value[0]', 'lakemesh.includeColumns names "ordrs.email", but this contract has no table "ordrs"; did you mean "orders"?'],
    ]);
  });

  test('a table.column names a column the table does not have', () => {
    expect(problems(withRole([{ property: 'lakemesh.excludeColumns', value: ['orders.refund_id'] }]))).toEqual([
      [CONTRACT_CODES.unknownColumn, 'roles[0].customProperties[0].value[0]', 'lakemesh.excludeColumns names "orders.refund_id", but table "orders" has no column "refund_id"'],
    ]);
  });

  test('a per-table row filter names a table that does not exist, located at its key', () => {
    expect(problems(withRole([{ property: 'lakemesh.rowFilter', value: { order: 'true' } }]))).toEqual([
      [
        CONTRACT_CODES.unknownRowFilterTable,
        'roles[0].customProperties[0].value.order',
        'lakemesh.rowFilter names table "order", which this contract does not define; did you mean "orders"?',
      ],
    ]);
  });

  test('a column is both excluded and included', () => {
    expect(
      problems(
        withRole([
          { property: 'lakemesh.excludeColumns', value: ['email'] },
          { property: 'lakemesh.includeColumns', value: ['EMAIL', 'order_id'] },
        ]),
      ),
    ).toEqual([
      [
        CONTRACT_CODES.includeExcludeConflict,
        'roles[0].customProperties[1].value',
        'column "email" is in both lakemesh.excludeColumns and lakemesh.includeColumns of role "analyst"; keep it in one of them',
      ],
    ]);
  });

  test('a lakemesh property is set twice on one role', () => {
    expect(
      problems(
        withRole([
          { property: 'lakemesh.rowFilter', value: 'true' },
          { property: 'lakemesh.rowFilter', value: 'false' },
        ]),
      ),
    ).toEqual([[CONTRACT_CODES.duplicateLakemeshProperty, 'roles[0].customProperties[1].property', 'lakemesh.rowFilter is set twice on role "analyst"; keep one']]);
  });

  test('two roles share a name', () => {
    expect(problems(baseContract({ roles: [{ role: 'analyst' }, { role: 'analyst', access: 'write' }] }))).toEqual([
      [CONTRACT_CODES.duplicateRole, 'roles[1].role', 'role "analyst" is defined twice (also at roles[0]); role names must be unique because grants refer to them'],
    ]);
  });
});
