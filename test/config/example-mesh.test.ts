/**
 * The embedded retail example: its contracts are valid ODCS (official JSON Schema of their own
 * apiVersion), and the mesh loads with every feature the example is meant to show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { loadMesh } from '../../lib/config/load-mesh';
import { MeshConfig, ProductConfig } from '../../lib/config/model';
import { TODAY } from './mesh-fixture';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'retail');
/** The official ODCS JSON Schemas beside the repository (see ../shared/conformance/odcs/README.md). */
const SCHEMAS = path.resolve(__dirname, '..', '..', '..', 'shared', 'conformance', 'odcs', 'schema');
const CONTRACTS = readdirSync(path.join(EXAMPLE, 'contracts')).filter((file) => file.endsWith('.odcs.yaml'));

describe('the retail example contracts', () => {
  test.each(CONTRACTS)('%s validates against the official ODCS JSON Schema', (file) => {
    const contract = parse(readFileSync(path.join(EXAMPLE, 'contracts', file), 'utf8'));
    const schema = JSON.parse(readFileSync(path.join(SCHEMAS, `odcs-json-schema-${contract.apiVersion}.json`), 'utf8'));
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    const valid = ajv.validate(schema, contract);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('use both ODCS v3.1.0 and v3.0.2', () => {
    const versions = CONTRACTS.map((file) => parse(readFileSync(path.join(EXAMPLE, 'contracts', file), 'utf8')).apiVersion);
    expect(new Set(versions)).toEqual(new Set(['v3.1.0', 'v3.0.2']));
  });
});

describe('the retail example mesh', () => {
  const mesh: MeshConfig = loadMesh(path.join(EXAMPLE, 'mesh.yaml'), { today: TODAY });
  const products = mesh.domains.flatMap((domain) => domain.products);
  const product = (name: string): ProductConfig => {
    const found = products.find((candidate) => candidate.qualifiedName === name);
    if (!found) throw new Error(`no product ${name}`);
    return found;
  };

  test('has the documented accounts', () => {
    expect(mesh.governance.account).toBe('111111111111');
    expect(mesh.domains.map((domain) => [domain.name, domain.account])).toEqual([
      ['customers', '333333333333'],
      ['logistics', '555555555555'],
      ['sales', '222222222222'],
    ]);
    expect(mesh.consumers.map((consumer) => [consumer.name, consumer.account])).toEqual([
      ['finance', '666666666666'],
      ['marketing', '444444444444'],
    ]);
  });

  test('shares only active products, through at least five grants, one without expiry', () => {
    expect(products.length).toBeGreaterThanOrEqual(5);
    expect(products.every((candidate) => candidate.contract.status === 'active')).toBe(true);
    expect(mesh.grants.length).toBeGreaterThanOrEqual(5);
    expect(mesh.grants.filter((grant) => grant.expires === undefined)).toHaveLength(1);
    expect(mesh.grants.every((grant) => grant.expires === undefined || grant.expires >= '2027-01-01')).toBe(true);
  });

  test('exercises column exclusion, a row filter and an included restricted column', () => {
    const roles = products.flatMap((candidate) => candidate.contract.roles);
    expect(roles.some((role) => role.excludeColumns.length > 0)).toBe(true);
    expect(roles.some((role) => role.rowFilter !== undefined)).toBe(true);
    const billing = product('customers.profiles').contract.roles.find((role) => role.name === 'billing');
    const email = product('customers.profiles').contract.tables[0].columns.find((column) => column.name === 'email');
    expect(billing?.includeColumns).toEqual(['email']);
    expect(email?.classification).toBe(mesh.governance.restrictedClassification);
    expect(mesh.grants.some((grant) => grant.product === 'customers.profiles' && grant.role === 'billing')).toBe(true);
  });

  test('has a partitioned table and a table with nested columns', () => {
    const tables = products.flatMap((candidate) => candidate.contract.tables);
    expect(tables.some((table) => table.partitionKeys.length > 0)).toBe(true);
    const shipments = product('logistics.shipments').contract.tables[0];
    expect(shipments.columns.filter((column) => column.nested).map((column) => column.name)).toEqual(['destination', 'packages']);
  });

  test('has quality rules of every kind the DQDL compiler handles, and retention and latency SLAs', () => {
    const tables = products.flatMap((candidate) => candidate.contract.tables);
    const columns = tables.flatMap((table) => [...table.columns, ...table.partitionKeys]);
    const rules = [...tables.flatMap((table) => table.quality), ...columns.flatMap((column) => column.quality)];
    expect(columns.some((column) => column.required)).toBe(true);
    expect(columns.some((column) => column.unique)).toBe(true);
    expect(columns.some((column) => 'minimum' in column.logicalTypeOptions)).toBe(true);
    expect(rules.some((rule) => rule.metric === 'invalidValues' && 'validValues' in rule.arguments)).toBe(true);
    expect(rules.some((rule) => rule.metric === 'rowCount')).toBe(true);
    expect(rules.some((rule) => rule.type === 'sql')).toBe(true);
    expect(products.some((candidate) => candidate.contract.sla.retentionDays !== undefined)).toBe(true);
    expect(products.some((candidate) => candidate.contract.sla.freshness !== undefined)).toBe(true);
  });
});
