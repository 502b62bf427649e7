/**
 * Wrong types everywhere: a number, list, mapping, null or boolean where mesh.yaml or a contract
 * wants something else. Each gives a located problem naming the field, what it expects and what it
 * got; none crashes, and a broken entry adds no follow-on noise about references to it.
 */
import { parseDocument } from 'yaml';
import { MESH_CODES } from '../../lib/config/codes';
import { CONTRACT_CODES } from '../../lib/contract/codes';
import { Problem } from '../../lib/errors';
import { SCHEMA_CODES } from '../../lib/source/zod-problems';
import { ExampleCopy, failureDefects, MESH, ORDERS, TODAY } from './hostile-fixture';
import { loadMesh } from '../../lib/config/load-mesh';
import { loadContract } from '../../lib/contract/load-contract';

type Path = readonly (string | number)[];

/** The example with the value at `path` of `file` replaced (comments and layout elsewhere kept). */
function exampleWith(file: string, path: Path, value: unknown): ExampleCopy {
  const example = new ExampleCopy();
  example.write(file, mutated(example.read(file), path, value));
  return example;
}

const WRONG_VALUES: readonly [string, unknown][] = [
  ['a number', 42],
  ['a list', ['a']],
  ['a mapping', { a: 1 }],
  ['null', null],
  ['a boolean', true],
];

const without = (problem: Problem) => ({ code: problem.code, path: problem.path, message: problem.message, file: problem.location?.file });

describe('wrong types in mesh.yaml', () => {
  test.each([
    [['apiVersion'], 42, SCHEMA_CODES.wrongType, 'expected a string, got a number (42)'],
    [['name'], ['retail'], SCHEMA_CODES.wrongType, 'expected a string, got a list'],
    [['governance'], 'central', SCHEMA_CODES.wrongType, 'expected a mapping, got a string ("central")'],
    [['governance', 'account'], ['111111111111'], SCHEMA_CODES.wrongType, 'expected a string or a number, got a list'],
    [['governance', 'account'], 111111111111, MESH_CODES.invalidAccount, 'account id must be a quoted string, got the number 111111111111; write it in quotes ("111111111111") so YAML keeps every digit'],
    [['governance', 'organization'], 'yes', SCHEMA_CODES.wrongType, 'expected a boolean, got a string ("yes")'],
    [['governance', 'crossAccountVersion'], '4', SCHEMA_CODES.wrongType, 'expected a number, got a string ("4")'],
    [['governance', 'tags'], ['classification'], SCHEMA_CODES.wrongType, 'expected a mapping, got a list'],
    [['governance', 'admins'], 'arn:aws:iam::111111111111:role/data-platform-admin', SCHEMA_CODES.wrongType, 'expected a list, got a string ("arn:aws:iam::111111111111:role/data-plat…")'],
    [['domains'], { sales: {} }, SCHEMA_CODES.wrongType, 'expected a list, got a mapping'],
    [['domains', 0, 'products'], 'contracts/sales-orders.odcs.yaml', SCHEMA_CODES.wrongType, 'expected a list, got a string ("contracts/sales-orders.odcs.yaml")'],
    [['domains', 0, 'products', 0], { file: 'x' }, SCHEMA_CODES.wrongType, 'expected a string, got a mapping'],
    [['consumers', 0, 'principals', 0], null, SCHEMA_CODES.wrongType, 'expected a string, got nothing'],
    [['grants', 0, 'expires'], 20270630, SCHEMA_CODES.wrongType, 'expected a string, got a number (20270630)'],
    [['grants', 0, 'role'], true, SCHEMA_CODES.wrongType, 'expected a string, got a boolean (true)'],
  ] as [Path, unknown, string, string][])('%j = %j', (path, value, code, message) => {
    const example = exampleWith(MESH, path, value);
    expect(example.problems().map(without)).toEqual([{ code, path: pathText(path), message, file: example.path() }]);
  });

  test('a grant entry that is a number is one problem, and its neighbours are still checked', () => {
    const example = exampleWith(MESH, ['grants', 0], 42);
    example.replace(MESH, 'consumer: finance', 'consumer: finanse');
    expect(example.problems().map(without)).toEqual([
      { code: SCHEMA_CODES.wrongType, path: 'grants[0]', message: 'expected a mapping, got a number (42)', file: example.path() },
      { code: MESH_CODES.unknownConsumer, path: 'grants[1].consumer', message: 'unknown consumer "finanse"; did you mean "finance"?', file: example.path() },
    ]);
  });

  test('a domain entry that is not a mapping hides no grant problem behind "unknown product" noise', () => {
    // Which domain the broken entry was meant to be cannot be known, so grants naming any domain are not blamed.
    const example = exampleWith(MESH, ['domains', 0], 'sales');
    expect(example.problems().map(without)).toEqual([
      { code: SCHEMA_CODES.wrongType, path: 'domains[0]', message: 'expected a mapping, got a string ("sales")', file: example.path() },
    ]);
  });

  test('a missing account says it is required rather than "invalid input"', () => {
    const example = new ExampleCopy().replace(MESH, '    account: "555555555555"\n', '');
    expect(example.problems().map(without)).toEqual([
      { code: SCHEMA_CODES.missing, path: 'domains[2].account', message: 'is required (a string or a number)', file: example.path() },
    ]);
  });
});

describe('wrong types in a contract', () => {
  test.each([
    [['id'], 42, SCHEMA_CODES.wrongType, 'expected a string, got a number (42)'],
    [['status'], ['active'], SCHEMA_CODES.wrongType, 'expected a string, got a list'],
    [['schema'], { orders: {} }, SCHEMA_CODES.wrongType, 'expected a list, got a mapping'],
    [['schema', 0, 'properties', 0], 'order_id', SCHEMA_CODES.wrongType, 'expected a mapping, got a string ("order_id")'],
    [['schema', 0, 'properties', 0, 'name'], 7, SCHEMA_CODES.wrongType, 'expected a string, got a number (7)'],
    [['schema', 0, 'properties', 0, 'primaryKeyPosition'], 1.5, SCHEMA_CODES.wrongType, 'expected a whole number, got a number (1.5)'],
    [['schema', 0, 'properties', 0, 'logicalTypeOptions'], 'pattern', SCHEMA_CODES.wrongType, 'expected a mapping, got a string ("pattern")'],
    [['schema', 0, 'properties', 3, 'quality', 0, 'arguments'], ['web'], SCHEMA_CODES.wrongType, 'expected a mapping, got a list'],
    [['schema', 0, 'quality', 0, 'mustBeGreaterThan'], '1000', SCHEMA_CODES.wrongType, 'expected a number, got a string ("1000")'],
    [['roles', 0], 'marketing_analyst', SCHEMA_CODES.wrongType, 'expected a mapping, got a string ("marketing_analyst")'],
    [['roles', 0, 'customProperties', 0, 'value'], 'customer_id', CONTRACT_CODES.invalidLakemeshValue, 'lakemesh.excludeColumns must be a list of column names, got a string ("customer_id")'],
    [['roles', 0, 'customProperties', 1, 'value'], 42, CONTRACT_CODES.invalidLakemeshValue, 'lakemesh.rowFilter must be a PartiQL condition (a string) for every table, or a mapping of table name to condition, got a number (42)'],
    [['slaProperties', 0, 'unit'], 4, SCHEMA_CODES.wrongType, 'expected a string, got a number (4)'],
    [['description'], 'orders', SCHEMA_CODES.wrongType, 'expected a mapping, got a string ("orders")'],
  ] as [Path, unknown, string, string][])('%j = %j', (path, value, code, message) => {
    const example = exampleWith(ORDERS, path, value);
    expect(example.problems().map(without)).toEqual([{ code, path: pathText(path), message, file: example.path(ORDERS) }]);
  });

  test('a lakemesh.excludeColumns entry of the wrong type is located at that entry', () => {
    const example = exampleWith(ORDERS, ['roles', 0, 'customProperties', 0, 'value', 1], { column: 'payment_method' });
    expect(example.problems().map(without)).toEqual([
      {
        code: CONTRACT_CODES.invalidLakemeshValue,
        path: 'roles[0].customProperties[0].value[1]',
        message: 'lakemesh.excludeColumns entries must be column names, got a mapping',
        file: example.path(ORDERS),
      },
    ]);
  });
});

describe('every wrong type at every field of the example', () => {
  const MESH_PATHS: Path[] = [
    ['apiVersion'], ['kind'], ['name'], ['region'], ['governance'], ['governance', 'account'], ['governance', 'sharing'],
    ['governance', 'organization'], ['governance', 'crossAccountVersion'], ['governance', 'admins'], ['governance', 'admins', 0],
    ['governance', 'tags'], ['governance', 'tags', 'classification'], ['governance', 'tags', 'classification', 0], ['domains'],
    ['domains', 0], ['domains', 0, 'name'], ['domains', 0, 'account'], ['domains', 0, 'owner'], ['domains', 0, 'producers'],
    ['domains', 0, 'producers', 0], ['domains', 0, 'products'], ['domains', 0, 'products', 0], ['consumers'], ['consumers', 0],
    ['consumers', 0, 'name'], ['consumers', 0, 'account'], ['consumers', 0, 'principals'], ['grants'], ['grants', 0],
    ['grants', 0, 'product'], ['grants', 0, 'consumer'], ['grants', 0, 'purpose'], ['grants', 0, 'requestedBy'],
    ['grants', 0, 'approvedBy'], ['grants', 0, 'expires'],
  ];
  const CONTRACT_PATHS: Path[] = [
    ['apiVersion'], ['kind'], ['id'], ['name'], ['version'], ['status'], ['domain'], ['dataProduct'], ['description'],
    ['description', 'purpose'], ['team'], ['team', 'members'], ['team', 'members', 0], ['servers'], ['servers', 0, 'type'],
    ['schema'], ['schema', 0], ['schema', 0, 'name'], ['schema', 0, 'physicalName'], ['schema', 0, 'physicalType'],
    ['schema', 0, 'quality'], ['schema', 0, 'quality', 1, 'query'], ['schema', 0, 'properties'], ['schema', 0, 'properties', 0],
    ['schema', 0, 'properties', 0, 'logicalType'], ['schema', 0, 'properties', 0, 'physicalType'],
    ['schema', 0, 'properties', 0, 'required'], ['schema', 0, 'properties', 0, 'unique'], ['schema', 0, 'properties', 0, 'primaryKey'],
    ['schema', 0, 'properties', 0, 'classification'], ['schema', 0, 'properties', 0, 'logicalTypeOptions', 'pattern'],
    ['schema', 0, 'properties', 3, 'quality', 0, 'arguments', 'validValues'], ['schema', 0, 'properties', 3, 'quality', 0, 'mustBe'],
    ['schema', 0, 'properties', 9, 'partitioned'], ['schema', 0, 'properties', 9, 'partitionKeyPosition'],
    ['schema', 0, 'properties', 7, 'logicalTypeOptions', 'maximum'], ['roles'], ['roles', 0, 'role'], ['roles', 0, 'access'],
    ['roles', 0, 'customProperties'], ['roles', 0, 'customProperties', 0], ['roles', 0, 'customProperties', 0, 'property'],
    ['roles', 0, 'customProperties', 1, 'value'], ['slaProperties'], ['slaProperties', 0], ['slaProperties', 0, 'property'],
    ['slaProperties', 0, 'value'], ['slaProperties', 1, 'value'], ['slaProperties', 1, 'element'], ['support'],
  ];
  // The mesh sweep loads all five contracts each time, so it tries two kinds of value; the
  // contract sweep parses one file and tries three. (The tables above try all five on chosen fields.)
  const meshValues = WRONG_VALUES.filter(([name]) => ['a list', 'null'].includes(name));
  const contractValues = WRONG_VALUES.filter(([name]) => ['a number', 'a mapping', 'null'].includes(name));

  test(`${MESH_PATHS.length * meshValues.length} mesh.yaml mutations: each loads or fails with clean LakemeshError problems`, () => {
    const example = new ExampleCopy();
    const original = example.read(MESH);
    const defects: string[] = [];
    for (const path of MESH_PATHS) {
      for (const [name, value] of meshValues) {
        example.write(MESH, mutated(original, path, value));
        for (const defect of failureDefects(() => loadMesh(example.path(), { today: TODAY }))) defects.push(`${path.join('.')} = ${name}: ${defect}`);
      }
    }
    expect(defects).toEqual([]);
  });

  test(`${CONTRACT_PATHS.length * contractValues.length} contract mutations: each parses or fails with clean LakemeshError problems`, () => {
    const example = new ExampleCopy();
    const original = example.read(ORDERS);
    const defects: string[] = [];
    for (const path of CONTRACT_PATHS) {
      for (const [name, value] of contractValues) {
        example.write(ORDERS, mutated(original, path, value));
        for (const defect of failureDefects(() => loadContract(example.path(ORDERS)))) defects.push(`${path.join('.')} = ${name}: ${defect}`);
      }
    }
    expect(defects).toEqual([]);
  });
});

function mutated(text: string, path: Path, value: unknown): string {
  const document = parseDocument(text);
  if (!document.hasIn(path)) throw new Error(`${path.join('.')} not in the file`);
  document.setIn(path, value);
  return document.toString();
}

function pathText(path: Path): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}
