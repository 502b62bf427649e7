import { CONTRACT_CODES } from '../../lib/contract/codes';
import { baseContract, parsed, problems, withProperties } from './helpers';

const string = { logicalType: 'string' };

describe('table and column names', () => {
  test('a table name with other characters than [a-z0-9_], with the physicalName to use', () => {
    expect(problems(baseContract({ schema: [{ name: 'Air Quality', properties: [{ name: 'a', ...string }] }] }))).toEqual([
      [
        CONTRACT_CODES.invalidTableName,
        'schema[0].name',
        'table name "air quality" is not a valid Glue name: use only lowercase letters, digits and underscores; set physicalName to "air_quality"',
      ],
    ]);
  });

  test('an invalid physicalName is reported at physicalName', () => {
    expect(problems(baseContract({ schema: [{ name: 'orders', physicalName: 'orders.v1', properties: [{ name: 'a', ...string }] }] }))).toEqual([
      [
        CONTRACT_CODES.invalidTableName,
        'schema[0].physicalName',
        'table name "orders.v1" is not a valid Glue name: use only lowercase letters, digits and underscores; set physicalName to "orders_v1"',
      ],
    ]);
  });

  test('a table name longer than 255 characters', () => {
    const name = 't'.repeat(256);
    expect(problems(baseContract({ schema: [{ name, properties: [{ name: 'a', ...string }] }] }))).toEqual([
      [CONTRACT_CODES.invalidTableName, 'schema[0].name', `table name "${name}" is 256 characters long, more than the 255 Glue allows; set a shorter physicalName`],
    ]);
  });

  test('upper case is fine: Glue stores names lower-cased', () => {
    expect(parsed(withProperties([{ name: 'OrderId', ...string }])).tables[0].columns[0].name).toBe('orderid');
  });

  test('a column name Glue cannot use', () => {
    expect(problems(withProperties([{ name: 'e-mail', ...string }]))).toEqual([
      [
        CONTRACT_CODES.invalidColumnName,
        'schema[0].properties[0].name',
        'column name "e-mail" is not a valid Glue name: use only lowercase letters, digits and underscores; set physicalName to "e_mail"',
      ],
    ]);
  });

  test('a column name with no usable character at all', () => {
    expect(problems(withProperties([{ name: 'ä', ...string }]))).toEqual([
      [
        CONTRACT_CODES.invalidColumnName,
        'schema[0].properties[0].name',
        'column name "ä" is not a valid Glue name: use only lowercase letters, digits and underscores; set a physicalName made of such characters',
      ],
    ]);
  });

  test('a nested field name Glue cannot use', () => {
    expect(problems(withProperties([{ name: 'a', logicalType: 'object', properties: [{ name: 'zip code', ...string }] }]))).toEqual([
      [
        CONTRACT_CODES.invalidColumnName,
        'schema[0].properties[0].properties[0].name',
        'field name "zip code" is not a valid Glue name: use only lowercase letters, digits and underscores; set physicalName to "zip_code"',
      ],
    ]);
  });

  test('two tables with the same Glue name', () => {
    const table = { name: 'orders', properties: [{ name: 'a', ...string }] };
    expect(problems(baseContract({ schema: [table, { ...table, name: 'Orders2', physicalName: 'ORDERS' }] }))).toEqual([
      [CONTRACT_CODES.duplicateTable, 'schema[1]', 'table "orders" is defined twice (also at schema[0]); give each table a distinct physicalName'],
    ]);
  });

  test('two columns with the same name ignoring case, after physicalName', () => {
    expect(problems(withProperties([{ name: 'a', physicalName: 'id', ...string }, { name: 'ID', ...string }]))).toEqual([
      [
        CONTRACT_CODES.duplicateColumn,
        'schema[0].properties[1]',
        'column "id" is defined twice in table "orders" (also at properties[0]); column names must be unique ignoring case, so set a distinct physicalName',
      ],
    ]);
  });

  test('two fields of an object with the same name', () => {
    expect(problems(withProperties([{ name: 'a', logicalType: 'object', properties: [{ name: 'x', ...string }, { name: 'X', ...string }] }]))).toEqual([
      [CONTRACT_CODES.duplicateColumn, 'schema[0].properties[0].properties[1]', 'field "x" is defined twice in the same object (also at index 0); give each field a distinct name'],
    ]);
  });
});

describe('partition keys', () => {
  const part = (name: string, position?: number, extra: object = {}) => ({
    name,
    ...string,
    partitioned: true,
    ...(position === undefined ? {} : { partitionKeyPosition: position }),
    ...extra,
  });

  test('a single partition key needs no position', () => {
    const table = parsed(withProperties([{ name: 'a', ...string }, part('day')])).tables[0];
    expect(table.partitionKeys.map((c) => c.name)).toEqual(['day']);
    expect(table.columns.map((c) => c.name)).toEqual(['a']);
  });

  test('ODCS position -1 on a column that is not partitioned is ignored', () => {
    const table = parsed(withProperties([{ name: 'a', ...string, partitioned: false, partitionKeyPosition: -1 }])).tables[0];
    expect(table.columns[0]).toMatchObject({ partitioned: false, partitionKeyPosition: undefined });
  });

  test('two partition keys with the same position', () => {
    expect(problems(withProperties([part('a', 1), part('b', 1)]))).toEqual([
      [
        CONTRACT_CODES.duplicatePartitionPosition,
        'schema[0].properties[1].partitionKeyPosition',
        'partitionKeyPosition 1 is used twice in table "orders" (also by column "a"); give each partition key its own position',
      ],
    ]);
  });

  test('a partition key without position among several', () => {
    expect(problems(withProperties([part('a', 1), part('b')]))).toEqual([
      [
        CONTRACT_CODES.missingPartitionPosition,
        'schema[0].properties[1].partitioned',
        'column "b" is partitioned but has no partitionKeyPosition, and table "orders" has 2 partition keys; set partitionKeyPosition (1, 2, …) on each partitioned column',
      ],
    ]);
  });

  test('a partition key of a complex type', () => {
    expect(problems(withProperties([{ name: 'tags', logicalType: 'array', items: string, partitioned: true }]))).toEqual([
      [
        CONTRACT_CODES.complexPartitionKey,
        'schema[0].properties[0].partitioned',
        'column "tags" has type array<string> and cannot be a partition key; partition keys must be of a primitive type (string, int, date, …)',
      ],
    ]);
  });
});

describe('primary key', () => {
  test('unpositioned key columns follow the positioned ones in contract order', () => {
    const contract = parsed(
      withProperties([
        { name: 'c', ...string, primaryKey: true },
        { name: 'b', ...string, primaryKey: true, primaryKeyPosition: 2 },
        { name: 'a', ...string, primaryKey: true, primaryKeyPosition: 1 },
        { name: 'd', ...string, primaryKey: true, primaryKeyPosition: -1 },
        { name: 'e', ...string, primaryKey: false, primaryKeyPosition: 3 },
      ]),
    );
    expect(contract.tables[0].primaryKey).toEqual(['a', 'b', 'c', 'd']);
  });
});
