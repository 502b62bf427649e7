/**
 * Deterministic synthetic meshes for the benchmark: a mesh.yaml plus one ODCS v3.1.0 contract file
 * per product, valid for `loadMesh`. The same size and seed give byte-identical files.
 *
 * Shape: every domain and consumer has its own 12-digit account; products are spread evenly over
 * the domains; consumers have 1–3 principals; grants go round-robin over the products (each product
 * gets ⌊grants/products⌋ or one more) to a random consumer and role, never repeating a
 * (product, consumer, role). Expiry dates lie in 2099 so the files stay valid (and identical) for
 * decades; a quarter of the grants have no expiry.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { generateContract, GeneratedContract } from './generate-contract';
import { SeededRandom } from './random';
import { MeshSize } from './sizes';

export const DEFAULT_SEED = 20261115;
export const BENCH_MESH_NAME = 'bench';
export const BENCH_REGION = 'eu-west-1';
const GOVERNANCE_ACCOUNT = '100000000000';

/** Relative path → file content; `mesh.yaml` is the entry point. */
export type MeshFiles = ReadonlyMap<string, string>;

export interface GeneratedMesh {
  readonly dir: string;
  readonly meshFile: string;
  readonly fileCount: number;
}

/** The files of a mesh of `size`, in memory. Pure: the same arguments give the same bytes. */
export function buildMeshFiles(size: MeshSize, seed: number = DEFAULT_SEED): MeshFiles {
  assertFeasible(size);
  const random = new SeededRandom(seed);
  const files = new Map<string, string>();
  const domains = Array.from({ length: size.domains }, (_, i) => ({
    name: `domain-${String(i + 1).padStart(4, '0')}`,
    account: `2${String(i + 1).padStart(11, '0')}`,
  }));
  const products: { domain: string; contract: GeneratedContract }[] = [];
  const productsByDomain = new Map<string, string[]>(domains.map((d) => [d.name, []]));
  for (let p = 0; p < size.products; p++) {
    const domain = domains[p % size.domains].name;
    // Names repeat across domains (the governance account's `product` LF-Tag has one value per name).
    const contract = generateContract(random, { domain, productNumber: p + 1, nameNumber: Math.floor(p / size.domains) + 1 });
    const file = `contracts/${domain}/${contract.slug}.odcs.yaml`;
    files.set(file, stringify(contract.document, { lineWidth: 0 }));
    productsByDomain.get(domain)!.push(file);
    products.push({ domain, contract });
  }
  const consumers = Array.from({ length: size.consumers }, (_, i) => {
    const name = `consumer-${String(i + 1).padStart(3, '0')}`;
    const account = `3${String(i + 1).padStart(11, '0')}`;
    const principals = Array.from({ length: random.int(1, 3) }, (_, k) => `arn:aws:iam::${account}:role/${name}-reader-${k + 1}`);
    return { name, account, principals };
  });

  const mesh = {
    apiVersion: 'lakemesh/v1',
    kind: 'Mesh',
    name: BENCH_MESH_NAME,
    region: BENCH_REGION,
    governance: {
      account: GOVERNANCE_ACCOUNT,
      sharing: 'central-catalog',
      admins: [`arn:aws:iam::${GOVERNANCE_ACCOUNT}:role/data-platform-admin`],
      tags: { classification: ['public', 'internal', 'confidential', 'restricted'] },
    },
    domains: domains.map((domain) => ({
      name: domain.name,
      account: domain.account,
      owner: `${domain.name}-data@example.com`,
      producers: [`arn:aws:iam::${domain.account}:role/${domain.name}-etl`],
      products: productsByDomain.get(domain.name),
    })),
    consumers,
    grants: generateGrants(random, size, products, consumers.map((c) => c.name)),
  };
  files.set('mesh.yaml', stringify(mesh, { lineWidth: 0 }));
  return files;
}

/** Writes the mesh files under `dir` (created when missing). */
export function writeMeshFiles(dir: string, files: MeshFiles): GeneratedMesh {
  for (const [relative, content] of files) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return { dir, meshFile: path.join(dir, 'mesh.yaml'), fileCount: files.size };
}

function generateGrants(
  random: SeededRandom,
  size: MeshSize,
  products: readonly { domain: string; contract: GeneratedContract }[],
  consumers: readonly string[],
): Record<string, string>[] {
  const taken = new Set<string>();
  const grants: Record<string, string>[] = [];
  for (let g = 0; grants.length < size.grants; g++) {
    const { domain, contract } = products[g % products.length];
    const product = `${domain}.${contract.slug}`;
    const free = consumers.flatMap((consumer) => contract.roles.map((role) => ({ consumer, role }))).filter((c) => !taken.has(`${product}|${c.consumer}|${c.role}`));
    if (free.length === 0) continue;
    const { consumer, role } = random.pick(free);
    taken.add(`${product}|${consumer}|${role}`);
    const grant: Record<string, string> = {
      product,
      consumer,
      role,
      purpose: `synthetic benchmark access ${grants.length + 1}`,
      requestedBy: `${consumer}-lead@example.com`,
      approvedBy: `${domain}-data@example.com`,
    };
    if (random.chance(0.75)) grant.expires = `2099-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    grants.push(grant);
  }
  return grants;
}

/** Every product has at least one role, so `products × consumers` distinct grants always fit. */
function assertFeasible(size: MeshSize): void {
  if (size.domains < 1 || size.products < size.domains || size.consumers < 1) {
    throw new Error(`size ${size.name} needs at least one domain, one product per domain and one consumer; got ${JSON.stringify(size)}`);
  }
  if (size.grants > size.products * size.consumers) {
    throw new Error(`size ${size.name} asks for ${size.grants} grants, more than its ${size.products} products × ${size.consumers} consumers can hold for sure; add consumers or products`);
  }
}
