import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CONTRACT_CODES } from '../../lib/contract/codes';
import { fingerprint } from '../../lib/contract/fingerprint';
import { contractFileProblems, loadContract } from '../../lib/contract/load-contract';
import { LakemeshError } from '../../lib/errors';
import { SOURCE_CODES } from '../../lib/source/yaml-source';
import { baseContract, check, FILE, parsed } from './helpers';

const FIXTURE = path.resolve(__dirname, '../fixtures/contracts/orders.odcs.yaml');

describe('loadContract on a complete v3.1.0 contract', () => {
  const contract = loadContract(FIXTURE);

  test('keeps the fundamentals', () => {
    expect(contract).toMatchObject({
      file: FIXTURE,
      apiVersion: 'v3.1.0',
      id: '0b7d6a52-orders',
      version: '2.0.0',
      status: 'active',
      domain: 'sales',
      dataProduct: 'Web Orders (EU)',
      description: { purpose: 'Confirmed web orders.', usage: 'Revenue reporting.', limitations: 'Final after 24 hours.' },
      owner: 'sales-data',
      servers: [{ server: 'production', type: 's3', format: 'parquet' }],
      location: { file: FIXTURE, line: 2, column: 1 },
    });
  });

  test('slugs the data product', () => {
    expect(contract.productSlug).toBe('web_orders_eu');
  });

  test('fingerprints the raw document', () => {
    expect(contract.fingerprint).toBe(fingerprint(parse(fs.readFileSync(FIXTURE, 'utf8'))));
    expect(contract.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  test('names tables and columns by their lower-cased physical names', () => {
    expect(contract.tables.map((t) => [t.name, t.logicalName])).toEqual([
      ['orders', 'Orders'],
      ['order_events', 'order_events'],
    ]);
    expect(contract.tables[0].columns.map((c) => [c.name, c.logicalName, c.type])).toEqual([
      ['order_id', 'order_id', 'string'],
      ['line_no', 'Line', 'int'],
      ['email', 'email', 'string'],
      ['amount', 'amount', 'decimal(12,2)'],
    ]);
  });

  test('keeps partition keys out of the columns, ordered by position', () => {
    expect(contract.tables[0].partitionKeys.map((c) => [c.name, c.type, c.partitionKeyPosition])).toEqual([
      ['order_date', 'date', 1],
      ['country', 'string', 2],
    ]);
  });

  test('orders the primary key by primaryKeyPosition', () => {
    expect(contract.tables[0].primaryKey).toEqual(['line_no', 'order_id']);
  });

  test('keeps column facts for grants and data quality', () => {
    const [orderId, , email, amount] = contract.tables[0].columns;
    expect(orderId).toMatchObject({ required: true, unique: true, primaryKey: true, partitioned: false, classification: 'internal', nested: false });
    expect(email).toMatchObject({ classification: 'restricted', description: 'Customer e-mail.', required: false, unique: false });
    expect(amount.logicalTypeOptions).toEqual({ precision: 12, scale: 2, minimum: 0 });
    expect(email.location).toEqual({ file: FIXTURE, line: 45, column: 9 });
  });

  test('marks nested columns', () => {
    expect(contract.tables[1].columns[1]).toMatchObject({ name: 'payload', type: 'struct<kind:string>', nested: true });
  });

  test('maps table and column quality rules', () => {
    expect(contract.tables[0].quality).toEqual([
      expect.objectContaining({ type: 'library', metric: 'rowCount', mustBeGreaterThan: 1000, arguments: {} }),
    ]);
    expect(contract.tables[0].columns[2].quality).toEqual([
      expect.objectContaining({ type: 'sql', query: "SELECT COUNT(*) FROM ${table} WHERE email NOT LIKE '%@%'", mustBe: 0 }),
    ]);
  });

  test('reads roles with their lakemesh settings, normalised to Glue names', () => {
    expect(contract.roles.map(({ location: _location, ...role }) => role)).toEqual([
      {
        name: 'analyst',
        access: 'read',
        description: 'Regional analysts.',
        excludeColumns: ['email'],
        includeColumns: [],
        rowFilter: { kind: 'per-table', expressions: { orders: "country = 'DE'" } },
      },
      { name: 'finance', access: 'read', description: undefined, excludeColumns: [], includeColumns: ['orders.email'], rowFilter: undefined },
    ]);
  });

  test('converts the SLA', () => {
    expect(contract.sla).toEqual({ retentionDays: 730, freshness: { maxAgeHours: 1.5, element: 'orders.order_date' } });
  });

  test('has no other objects', () => {
    expect(contract.otherObjects).toEqual([]);
  });
});

describe('loadContract', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-contract-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('reads JSON contracts', () => {
    const file = path.join(dir, 'orders.odcs.json');
    fs.writeFileSync(file, JSON.stringify(baseContract()));
    expect(loadContract(file).tables[0].name).toBe('orders');
  });

  test('throws one LakemeshError carrying every problem, sorted by position', () => {
    const file = path.join(dir, 'broken.odcs.yaml');
    fs.writeFileSync(
      file,
      [
        'apiVersion: v3.1.0',
        'kind: DataContract',
        'id: x',
        'version: 1.0.0',
        'status: active',
        'schema:',
        '  - name: Bad Table',
        '    properties:',
        '      - name: a',
        '        physicalType: decimal(50,1)',
        '      - name: A',
        '        logicalType: string',
        '',
      ].join('\n'),
    );
    let error: unknown;
    try {
      loadContract(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LakemeshError);
    expect((error as LakemeshError).message.split('\n')).toEqual([
      `${file}:7:11: schema[0].name: table name "bad table" is not a valid Glue name: use only lowercase letters, digits and underscores; set physicalName to "bad_table" [LM120]`,
      `${file}:10:23: schema[0].properties[0].physicalType: physicalType "decimal(50,1)" is not a valid Glue type: decimal precision must be between 1 and 38, got 50; correct it, or remove physicalType to derive the type from logicalType [LM110]`,
      `${file}:11:9: schema[0].properties[1]: column "a" is defined twice in table "bad table" (also at properties[0]); column names must be unique ignoring case, so set a distinct physicalName [LM123]`,
    ]);
  });

  test('reports a missing file as a problem when collecting', () => {
    const missing = path.join(dir, 'missing.odcs.yaml');
    expect(contractFileProblems(missing).problems).toEqual([
      { code: SOURCE_CODES.unreadable, path: '', message: `${missing}: cannot read the file (file not found)` },
    ]);
  });

  test('returns the contract and no problems when collecting a valid file', () => {
    const result = contractFileProblems(FIXTURE);
    expect(result.problems).toEqual([]);
    expect(result.contract?.id).toBe('0b7d6a52-orders');
  });
});

describe('parseContract', () => {
  test('falls back to name, then id, for the product slug', () => {
    expect(parsed(baseContract({ dataProduct: undefined, name: 'My Quantum!' })).productSlug).toBe('my_quantum');
    expect(parsed(baseContract({ dataProduct: undefined, id: '--Abc-123--' })).productSlug).toBe('abc_123');
  });

  test('dataProduct falls back to name', () => {
    expect(parsed(baseContract({ dataProduct: undefined, name: 'Orders' })).dataProduct).toBe('Orders');
  });

  test('accepts the v3.0 team list and takes the owner from the member whose role names one', () => {
    const contract = parsed(
      baseContract({
        apiVersion: 'v3.0.2',
        team: [
          { username: 'ana', role: 'Data Scientist' },
          { username: 'bo', role: 'Data Owner' },
        ],
      }),
    );
    expect(contract.owner).toBe('bo');
  });

  test('accepts the v3.1 team object in a v3.0 contract (the ODCS examples do)', () => {
    expect(parsed(baseContract({ apiVersion: 'v3.0.2', team: { name: 'dpo', members: [] } })).owner).toBe('dpo');
  });

  test('has no owner without a team', () => {
    expect(parsed(baseContract()).owner).toBeUndefined();
  });

  test('defaults role access to read', () => {
    expect(parsed(baseContract({ roles: [{ role: 'reader' }] })).roles[0].access).toBe('read');
  });

  test('keeps non-table schema objects apart, located', () => {
    const contract = parsed(
      baseContract({ schema: [...(baseContract().schema as object[]), { name: 'Orders', physicalName: 'orders.v1', physicalType: 'topic' }] }),
    );
    expect(contract.tables.map((t) => t.name)).toEqual(['orders']);
    expect(contract.otherObjects).toEqual([{ name: 'Orders', physicalType: 'topic', path: 'schema[1]', location: { file: FILE, line: 20, column: 5 } }]);
  });

  test('treats physicalType Table like table', () => {
    const schema = [{ name: 't', physicalType: 'Table', properties: [{ name: 'a', logicalType: 'string' }] }];
    expect(parsed(baseContract({ schema })).tables.map((t) => t.name)).toEqual(['t']);
  });

  test('tolerates keys ODCS defines but lakemesh ignores, and vendor extensions', () => {
    const contract = parsed(
      baseContract({
        tenant: 'acme',
        price: { priceAmount: 1, priceCurrency: 'USD', priceUnit: 'megabyte' },
        'x-vendor': { anything: true },
        schema: [{ name: 'orders', businessName: 'Orders', properties: [{ name: 'a', logicalType: 'string', examples: ['x'], encryptedName: 'a_enc', criticalDataElement: true }] }],
      }),
    );
    expect(contract.tables[0].columns[0].name).toBe('a');
  });

  test('the fingerprint ignores key order and formatting but not content', () => {
    const a = 'apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\n';
    const b = '{"status": "active", "version": "1.0.0", "id": "x", "kind": "DataContract", "apiVersion": "v3.1.0"}';
    const c = a.replace('1.0.0', '1.0.1');
    expect(parsed(a).fingerprint).toBe(parsed(b).fingerprint);
    expect(parsed(a).fingerprint).not.toBe(parsed(c).fingerprint);
  });

  test('returns no contract when there are problems', () => {
    const result = check(baseContract({ dataProduct: '!!!' }));
    expect(result.contract).toBeUndefined();
    expect(result.problems.map((p) => p.code)).toEqual([CONTRACT_CODES.emptyProductSlug]);
  });
});
