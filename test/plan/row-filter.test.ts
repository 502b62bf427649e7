import {
  dataCellsFilterName,
  MAX_FILTER_GRANTS_PER_PRINCIPAL_TABLE,
  MAX_FILTER_NAME_LENGTH,
  MAX_ROW_FILTER_LENGTH,
  referencedColumns,
  rowFilterProblems,
} from '../../lib/plan/row-filter';
import { column, partitionKey, table } from '../support/contract-factory';

const orders = table(
  'orders',
  [
    column('order_id'),
    column('items', { type: 'array<struct<sku:string>>' }),
    column('attributes', { type: 'map<string,string>' }),
    column('address', { type: 'struct<country:string,zip:string>' }),
    column('country'),
  ],
  [partitionKey('dt', 1)],
);

function names(expression: string): string[] {
  return referencedColumns(expression, [...orders.columns, ...orders.partitionKeys]).map((c) => c.name);
}

describe('Lake Formation limits', () => {
  test('are the documented ones', () => {
    expect(MAX_ROW_FILTER_LENGTH).toBe(2048);
    expect(MAX_FILTER_NAME_LENGTH).toBe(255);
    expect(MAX_FILTER_GRANTS_PER_PRINCIPAL_TABLE).toBe(100);
  });
});

describe('referencedColumns', () => {
  test('finds identifiers that name columns, case-insensitively, once each', () => {
    expect(names("Country = 'DE' AND dt >= '2024-01-01' OR country IS NULL")).toEqual(['country', 'dt']);
  });

  test('ignores string literals, including escaped quotes', () => {
    expect(names("country = 'items'' and attributes'")).toEqual(['country']);
  });

  test('ignores comments', () => {
    expect(names('country = 1 -- items\n/* attributes */ AND dt = 2')).toEqual(['country', 'dt']);
  });

  test('reads double-quoted and backquoted identifiers', () => {
    expect(names('"items" IS NOT NULL AND `attributes` IS NULL')).toEqual(['items', 'attributes']);
  });

  test('does not take a struct field after a dot for a column', () => {
    expect(names("address.country = 'DE'")).toEqual(['address']);
  });

  test('does not take number literals for identifiers', () => {
    expect(names('order_id > 1e5 AND 2dt = 3')).toEqual(['order_id']);
  });
});

describe('rowFilterProblems', () => {
  test('accepts scalar and struct columns', () => {
    expect(rowFilterProblems("country = 'DE' AND address.zip = '1'", orders, 'analyst')).toEqual([]);
  });

  test('rejects an empty expression', () => {
    expect(rowFilterProblems('  ', orders, 'analyst', 'roles[0].lakemesh.rowFilter')).toEqual([
      {
        code: 'LM385',
        path: 'roles[0].lakemesh.rowFilter',
        message: `role "analyst": lakemesh.rowFilter for table "orders" is empty; write a PartiQL condition such as "country = 'DE'", or remove the filter`,
      },
    ]);
  });

  test('accepts an expression of exactly 2048 characters and rejects 2049', () => {
    const atLimit = `country = '${'x'.repeat(MAX_ROW_FILTER_LENGTH - 12)}'`;
    expect(atLimit).toHaveLength(MAX_ROW_FILTER_LENGTH);
    expect(rowFilterProblems(atLimit, orders, 'analyst')).toEqual([]);
    const tooLong = `country = '${'x'.repeat(MAX_ROW_FILTER_LENGTH - 11)}'`;
    expect(rowFilterProblems(tooLong, orders, 'analyst')).toEqual([
      {
        code: 'LM386',
        path: '',
        message:
          'role "analyst": lakemesh.rowFilter for table "orders" is 2049 characters long; Lake Formation accepts at most 2048: shorten the condition',
      },
    ]);
  });

  test('rejects array and map columns, one problem each', () => {
    expect(rowFilterProblems('cardinality(items) > 0 AND attributes[\'k\'] = \'v\'', orders, 'analyst')).toEqual([
      {
        code: 'LM387',
        path: '',
        message:
          'role "analyst": lakemesh.rowFilter for table "orders" references column "items" of type array<struct<sku:string>>; Lake Formation row filters cannot use array or map columns: filter on a scalar or struct column instead',
      },
      {
        code: 'LM387',
        path: '',
        message:
          'role "analyst": lakemesh.rowFilter for table "orders" references column "attributes" of type map<string,string>; Lake Formation row filters cannot use array or map columns: filter on a scalar or struct column instead',
      },
    ]);
  });
});

describe('dataCellsFilterName', () => {
  test('is readable and deterministic', () => {
    const name = dataCellsFilterName('Marketing Team', 'analyst-eu');
    expect(name).toMatch(/^marketing_team_analyst_eu_[0-9a-f]{8}$/);
    expect(dataCellsFilterName('Marketing Team', 'analyst-eu')).toBe(name);
  });

  test('tells apart pairs that sanitize to the same text', () => {
    expect(dataCellsFilterName('a_b', 'c')).not.toBe(dataCellsFilterName('a', 'b_c'));
  });

  test('never exceeds 255 characters', () => {
    const name = dataCellsFilterName('c'.repeat(300), 'r'.repeat(300));
    expect(name).toHaveLength(MAX_FILTER_NAME_LENGTH);
    expect(name).toMatch(/_[0-9a-f]{8}$/);
  });
});
