/**
 * The benchmark's synthetic meshes: deterministic, of the promised size and shape, and valid for
 * `loadMesh` (and their contracts for the official ODCS JSON Schema). No timing here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { buildMeshFiles, DEFAULT_SEED, MeshFiles, writeMeshFiles } from '../../bench/generate-mesh';
import { MESH_SIZES, MeshSize, parseSizes } from '../../bench/sizes';
import { loadMesh } from '../../lib/config/load-mesh';

const SMALL = MESH_SIZES.S;
const ODCS_SCHEMA = path.resolve(__dirname, '..', '..', '..', 'shared', 'conformance', 'odcs', 'schema', 'odcs-json-schema-v3.1.0.json');

interface MeshDoc {
  domains: { name: string; account: string; products: string[] }[];
  consumers: { name: string; account: string; principals: string[] }[];
  grants: { product: string; consumer: string; role: string; requestedBy: string; approvedBy: string; expires?: string }[];
}

interface ContractDoc {
  id: string;
  schema: { name: string; properties: { name: string; logicalType: string; classification: string; partitioned?: boolean }[] }[];
  roles: { role: string; customProperties?: { property: string; value: unknown }[] }[];
}

function meshDoc(files: MeshFiles): MeshDoc {
  return parse(files.get('mesh.yaml')!) as MeshDoc;
}

function contracts(files: MeshFiles): ContractDoc[] {
  return [...files].filter(([name]) => name.startsWith('contracts/')).map(([, text]) => parse(text) as ContractDoc);
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'bench-mesh-'));
}

/** Built once: M takes a few seconds to generate and parse. */
let medium: { files: MeshFiles; contracts: ContractDoc[] } | undefined;
function mediumMesh(): { files: MeshFiles; contracts: ContractDoc[] } {
  if (medium === undefined) {
    const files = buildMeshFiles(MESH_SIZES.M);
    medium = { files, contracts: contracts(files) };
  }
  return medium;
}

describe('buildMeshFiles', () => {
  const small = buildMeshFiles(SMALL);

  test('gives byte-identical files for the same size and seed', () => {
    const again = buildMeshFiles(SMALL, DEFAULT_SEED);
    expect([...again.keys()]).toEqual([...small.keys()]);
    for (const [name, text] of small) expect(again.get(name)).toBe(text);
  });

  test('writes the same bytes to disk on every run', () => {
    const first = writeMeshFiles(tempDir(), small);
    const second = writeMeshFiles(tempDir(), buildMeshFiles(SMALL));
    expect(first.fileCount).toBe(small.size);
    for (const name of small.keys()) {
      expect(fs.readFileSync(path.join(second.dir, name)).equals(fs.readFileSync(path.join(first.dir, name)))).toBe(true);
    }
  });

  test('gives another mesh for another seed', () => {
    expect(buildMeshFiles(SMALL, DEFAULT_SEED + 1).get('mesh.yaml')).not.toBe(small.get('mesh.yaml'));
  });

  test.each([MESH_SIZES.S, MESH_SIZES.M])('size $name has the counts of its spec', (size: MeshSize) => {
    const files = size === SMALL ? small : mediumMesh().files;
    const mesh = meshDoc(files);
    expect(mesh.domains).toHaveLength(size.domains);
    expect(mesh.domains.flatMap((d) => d.products)).toHaveLength(size.products);
    expect([...files.keys()].filter((name) => name.startsWith('contracts/'))).toHaveLength(size.products);
    expect(mesh.grants).toHaveLength(size.grants);
    expect(mesh.consumers).toHaveLength(size.consumers);
    expect(new Set(mesh.grants.map((g) => `${g.product}|${g.consumer}|${g.role}`)).size).toBe(size.grants);
  });

  test('gives every domain and consumer its own 12-digit account', () => {
    const mesh = meshDoc(small);
    const accounts = [...mesh.domains, ...mesh.consumers].map((entry) => entry.account);
    expect(accounts.every((account) => /^\d{12}$/.test(account))).toBe(true);
    expect(new Set(accounts).size).toBe(accounts.length);
  });

  test('gives consumers 1 to 3 principals of their own account', () => {
    for (const consumer of meshDoc(small).consumers) {
      expect(consumer.principals.length).toBeGreaterThanOrEqual(1);
      expect(consumer.principals.length).toBeLessThanOrEqual(3);
      for (const arn of consumer.principals) expect(arn).toContain(`::${consumer.account}:role/`);
    }
  });

  test('makes contracts of 1 to 3 tables of 5 to 30 columns', () => {
    const all = mediumMesh().contracts;
    const columnCounts = all.flatMap((contract) => contract.schema.map((table) => table.properties.length));
    expect([Math.min(...columnCounts), Math.max(...columnCounts)]).toEqual([5, 30]);
    const tableCounts = all.map((contract) => contract.schema.length);
    expect([Math.min(...tableCounts), Math.max(...tableCounts)]).toEqual([1, 3]);
  });

  test('mixes column exclusions, row filters, restricted-column inclusions, partitions and array columns', () => {
    const all = contracts(small);
    const properties = all.flatMap((contract) => contract.roles.flatMap((role) => role.customProperties ?? []).map((p) => p.property));
    expect(new Set(properties)).toEqual(new Set(['lakemesh.excludeColumns', 'lakemesh.rowFilter', 'lakemesh.includeColumns']));
    const columns = all.flatMap((contract) => contract.schema.flatMap((table) => table.properties));
    expect(columns.some((column) => column.partitioned === true)).toBe(true);
    expect(columns.some((column) => column.logicalType === 'array')).toBe(true);
    expect(new Set(columns.map((column) => column.classification))).toEqual(new Set(['public', 'internal', 'confidential', 'restricted']));
  });

  test('writes grants approved by someone other than the requester, expiring in the future or never', () => {
    const grants = meshDoc(small).grants;
    expect(grants.every((grant) => grant.requestedBy !== grant.approvedBy)).toBe(true);
    expect(grants.every((grant) => grant.expires === undefined || grant.expires > '2099-00-00')).toBe(true);
    expect(grants.some((grant) => grant.expires === undefined)).toBe(true);
  });

  test('refuses a size that cannot hold its grants', () => {
    expect(() => buildMeshFiles({ name: 'X', domains: 1, products: 2, grants: 5, consumers: 2 })).toThrow(
      'size X asks for 5 grants, more than its 2 products × 2 consumers can hold for sure; add consumers or products',
    );
  });

  test('refuses a size with fewer products than domains', () => {
    expect(() => buildMeshFiles({ name: 'X', domains: 3, products: 2, grants: 1, consumers: 1 })).toThrow(
      'size X needs at least one domain, one product per domain and one consumer; got {"name":"X","domains":3,"products":2,"grants":1,"consumers":1}',
    );
  });
});

describe('the generated S mesh', () => {
  const generated = writeMeshFiles(tempDir(), buildMeshFiles(SMALL));

  test('loads with loadMesh without problems', () => {
    const mesh = loadMesh(generated.meshFile);
    expect(mesh.domains).toHaveLength(SMALL.domains);
    expect(mesh.domains.flatMap((domain) => domain.products)).toHaveLength(SMALL.products);
    expect(mesh.consumers).toHaveLength(SMALL.consumers);
    expect(mesh.grants).toHaveLength(SMALL.grants);
  });

  test('has contracts that validate against the official ODCS v3.1.0 JSON Schema', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(ODCS_SCHEMA, 'utf8')));
    for (const contract of contracts(buildMeshFiles(SMALL))) {
      validate(contract);
      expect({ id: contract.id, errors: validate.errors ?? [] }).toEqual({ id: contract.id, errors: [] });
    }
  });
});

describe('parseSizes', () => {
  test('reads a comma-separated list in the order given, in any case', () => {
    expect(parseSizes('m, s').map((size) => size.name)).toEqual(['M', 'S']);
  });

  test('fails on an unknown size, naming the ones there are', () => {
    expect(() => parseSizes('S,XL')).toThrow('unknown size "XL" in --sizes "S,XL"; use a comma-separated list of S, M, L');
  });
});
