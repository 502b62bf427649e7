/**
 * Sharding on a mesh large enough that the governance stack, every domain stack and every consumer
 * stack split under the real limits (450 resources, 800 KiB, templates as `cdk synth` writes them):
 * the limits hold, and growing the mesh with the recorded shard state moves nothing that exists.
 *
 * Two synths of ~9,000 resources each: built once, in `beforeAll`.
 */
import { MeshConfig } from '../../lib/config/model';
import { planShards, shardStateOf, ShardState, SHARD_LIMITS, serializeShardState, SHARDING_WARNINGS } from '../../lib/sharding';
import { GeneratedMesh, groupOf, placements, synthesize, Synthesized } from '../sharding/sharding-fixture';
import { grantMetadataRecord } from '../../lib/grants/grant-metadata';

const SIZE = { name: 'sharding', domains: 4, products: 150, grants: 600, consumers: 4 };
const SYNTH_TIMEOUT_MS = 180_000;

let before: { mesh: MeshConfig; synthesized: Synthesized; state: ShardState };
let after: { mesh: MeshConfig; synthesized: Synthesized; added: { product: string; grant: string }; removed: { product: string; consumer: string } };

beforeAll(() => {
  const generated = new GeneratedMesh(SIZE);
  const mesh = generated.write();
  const synthesized = synthesize(mesh);
  before = { mesh, synthesized, state: shardStateOf(synthesized.meshApp.shardPlan) };

  // The mesh grows: a product with a grant on it, one more grant on an existing product, one grant less.
  const { product, roles } = generated.addProduct('domain-0002', 90_001);
  generated.addGrant(product, 'consumer-003', roles[0]);
  const existing = generated.mesh.grants.find((grant) => grant.consumer === 'consumer-001' && !generated.mesh.grants.some((g) => g.product === grant.product && g.consumer === 'consumer-004'))!;
  generated.addGrant(existing.product, 'consumer-004', existing.role);
  const removed = generated.removeGrant(generated.mesh.grants.findIndex((grant) => generated.mesh.grants.filter((g) => g.product === grant.product && g.consumer === grant.consumer).length === 1 && grant !== existing));
  const grown = generated.write();
  after = {
    mesh: grown,
    synthesized: synthesize(grown, { shardState: before.state }),
    added: { product, grant: `${existing.product}/consumer-004` },
    removed: { product: removed.product, consumer: removed.consumer },
  };
}, SYNTH_TIMEOUT_MS);

describe('a large mesh', () => {
  test('splits the governance stack, each domain stack and each consumer stack into shards named <stack>--<n>', () => {
    const names = before.synthesized.stacks.map((stack) => stack.stackName);
    for (const base of ['bench-governance', 'bench-domain-domain-0001', 'bench-consumer-consumer-002']) {
      expect(names).toContain(base);
      expect(names).toContain(`${base}--2`);
    }
    expect(names.filter((name) => groupOf(name) === 'bench-governance').length).toBeGreaterThan(10);
  });

  test('holds no stack over 450 resources or 800 KiB of template', () => {
    const over = before.synthesized.stacks
      .filter((stack) => stack.resources.size > SHARD_LIMITS.maxResources || stack.templateBytes > SHARD_LIMITS.maxTemplateBytes)
      .map((stack) => `${stack.stackName}: ${stack.resources.size} resources, ${stack.templateBytes} bytes`);
    expect(over).toEqual([]);
  });

  test('chains the shards of each group: shard n deploys after shard n-1, consumers after the last governance shard', () => {
    const stacks = new Map(before.synthesized.stacks.map((stack) => [stack.stackName, stack]));
    for (const stack of before.synthesized.stacks) {
      const match = /^(.*)--(\d+)$/.exec(stack.stackName);
      if (!match) continue;
      const previous = Number(match[2]) === 2 ? match[1] : `${match[1]}--${Number(match[2]) - 1}`;
      expect({ stack: stack.stackName, dependsOnPrevious: stack.dependencies.includes(previous) }).toEqual({ stack: stack.stackName, dependsOnPrevious: true });
    }
    const lastGovernance = [...stacks.keys()].filter((name) => groupOf(name) === 'bench-governance').sort((a, b) => shardNumber(a) - shardNumber(b)).pop()!;
    expect(stacks.get('bench-consumer-consumer-001')!.dependencies).toContain(lastGovernance);
  });

  test('references nothing across stacks but by name: no exports, no imports, every DependsOn in its own template', () => {
    const problems: string[] = [];
    for (const stack of before.synthesized.stacks) {
      const text = JSON.stringify(stack.template);
      if (text.includes('Fn::ImportValue')) problems.push(`${stack.stackName} imports a value`);
      if ('Outputs' in stack.template) problems.push(`${stack.stackName} has outputs`);
      for (const [logicalId, resource] of stack.resources) {
        for (const dependency of resource.dependsOn) if (!stack.resources.has(dependency)) problems.push(`${stack.stackName} ${logicalId} depends on missing ${dependency}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('keeps the Lake Formation settings of an account in the first stack of each group only', () => {
    const withSettings = before.synthesized.stacks
      .filter((stack) => [...stack.resources.values()].some((resource) => resource.type === 'Custom::LakemeshDataLakeSettings'))
      .map((stack) => stack.stackName);
    expect(withSettings.sort()).toEqual(before.synthesized.stacks.map((stack) => stack.stackName).filter((name) => !name.includes('--')).sort());
  });

  test('estimates every stack at or above its synthesized size, and not far above', () => {
    const plan = planShards(before.mesh, { state: before.state, estimateAll: true });
    const misjudged: string[] = [];
    for (const stack of before.synthesized.stacks) {
      const group = plan.groups.get(groupKeyOf(stack.stackName))!;
      const estimate = group.shards[shardNumber(stack.stackName) - 1].size!;
      const resources = stack.resources.size;
      if (resources > Math.ceil(estimate.resources) || estimate.resources > resources * 1.1 + 5) misjudged.push(`${stack.stackName}: ${resources} resources, estimated ${estimate.resources}`);
      if (stack.templateBytes > estimate.bytes || estimate.bytes > stack.templateBytes * 1.3) misjudged.push(`${stack.stackName}: ${stack.templateBytes} bytes, estimated ${estimate.bytes}`);
    }
    expect(misjudged).toEqual([]);
  });

  test('records a state that pins every unit where the first run placed it, deterministically', () => {
    const again = shardStateOf(planShards(before.mesh, { state: before.state }));
    expect(serializeShardState(again)).toBe(serializeShardState(before.state));
    expect(serializeShardState(shardStateOf(planShards(before.mesh)))).toBe(serializeShardState(before.state));
  });
});

describe('the large mesh grown by a product and a grant, less a grant, synthesized with the recorded state', () => {
  test('moves no existing resource to another stack and changes no logical id', () => {
    const was = placements(before.synthesized);
    const is = placements(after.synthesized);
    const moved = [...was].filter(([key, stacks]) => is.has(key) && is.get(key) !== stacks).map(([key, stacks]) => `${key}: ${stacks} → ${is.get(key)}`);
    expect(moved).toEqual([]);
  });

  test('removes only the resources of the removed grant', () => {
    const is = placements(after.synthesized);
    const gone = [...resourcesOf(before.synthesized)].filter(([key]) => !is.has(key));
    expect(gone.length).toBeGreaterThan(0);
    const notOfRemovedGrant = gone.filter(([key, resource]) => !isAccessOf(key, resource, after.removed.product, after.removed.consumer));
    expect(notOfRemovedGrant.map(([key]) => key)).toEqual([]);
  });

  test('adds only the resources of the new product, its grant, the new grant and their links', () => {
    const was = placements(before.synthesized);
    const added = [...resourcesOf(after.synthesized)].filter(([key]) => !was.has(key));
    const unexpected = added.filter(
      ([key, resource]) => !isOfProduct(key, resource, after.added.product) && !isAccessOf(key, resource, after.added.grant.split('/')[0], 'consumer-004') && !isAccessPolicyOf(key, resource, 'consumer-003'),
    );
    expect(added.length).toBeGreaterThan(0);
    expect(unexpected.map(([key]) => key)).toEqual([]);
  });

  test('puts the new units into the last shard of their group, or a new one after it', () => {
    const plan = after.synthesized.meshApp.shardPlan;
    const governance = plan.groups.get('governance')!;
    const recorded = before.state.groups.governance.shards;
    for (const unit of governance.unpinned) expect({ unit, shard: governance.shardOf.get(unit)! >= recorded }).toEqual({ unit, shard: true });
    expect(governance.unpinned).toEqual(expect.arrayContaining([`product/${after.added.product}`, `grant/${after.added.grant}`]));
  });

  test('warns once that the new units are not pinned yet, naming them', () => {
    const warnings = after.synthesized.meshApp.governanceStack.node.metadata.filter((entry) => entry.type === 'aws:cdk:warning').map((entry) => String(entry.data));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`does not pin`);
    expect(warnings[0]).toContain(`[ack: ${SHARDING_WARNINGS.unpinned}]`);
  });
});

function shardNumber(stackName: string): number {
  const match = /--(\d+)$/.exec(stackName);
  return match ? Number(match[1]) : 1;
}

/** `bench-domain-domain-0001--2` → `domain/domain-0001`. */
function groupKeyOf(stackName: string): string {
  const base = groupOf(stackName);
  if (base === 'bench-governance') return 'governance';
  const match = /^bench-(domain|consumer)-(.*)$/.exec(base)!;
  return `${match[1]}/${match[2]}`;
}

function resourcesOf(synthesized: Synthesized): Map<string, { type: string; metadata?: Record<string, unknown>; properties?: Record<string, unknown> }> {
  const all = new Map<string, { type: string; metadata?: Record<string, unknown>; properties?: Record<string, unknown> }>();
  for (const stack of synthesized.stacks) for (const [logicalId, resource] of stack.resources) all.set(`${groupOf(stack.stackName)} ${logicalId}`, resource);
  return all;
}

/** A grant's permission or data cells filter for `consumer` on `product` (by its audit record, or its filter's name). */
function isGrantOf(resource: { type: string; metadata?: Record<string, unknown>; properties?: Record<string, unknown> }, product: string, consumer: string): boolean {
  const grant = grantMetadataRecord(resource.metadata?.['lakemesh:grant']) as { product?: string; consumer?: string } | undefined;
  if (grant) return grant.product === product && grant.consumer === consumer;
  if (resource.type !== 'AWS::LakeFormation::DataCellsFilter') return false;
  const database = product.replace('.', '_').replace(/-/g, '_');
  return resource.properties?.DatabaseName === database && String(resource.properties?.Name).startsWith(`${consumer.replace(/-/g, '_')}_`);
}

/**
 * What a consumer's access to a product consists of: the grant's permissions and filters (by their
 * audit record, or the filter's name), and in the consumer's stacks the resource link, the DESCRIBE
 * on it and the access policies (they are re-chunked when a link comes or goes).
 */
function isAccessOf(key: string, resource: { type: string; metadata?: Record<string, unknown>; properties?: Record<string, unknown> }, product: string, consumer: string): boolean {
  if (isGrantOf(resource, product, consumer)) return true;
  if (!key.startsWith(`bench-consumer-${consumer} `)) return false;
  return isAccessPolicyOf(key, resource, consumer) || JSON.stringify(resource).includes(`"${product.replace('.', '_').replace(/-/g, '_')}"`);
}

function isAccessPolicyOf(key: string, resource: { type: string }, consumer: string): boolean {
  return key.startsWith(`bench-consumer-${consumer} `) && resource.type === 'AWS::IAM::ManagedPolicy';
}

/** Any resource of the new product: its catalog entries, its registration, its grants and links. */
function isOfProduct(key: string, resource: { type: string; metadata?: Record<string, unknown>; properties?: Record<string, unknown> }, product: string): boolean {
  const [domain, slug] = product.split('.');
  // The product's own domain gains its catalog entry, producer grants and policy statements.
  return key.startsWith(`bench-domain-${domain} `) || JSON.stringify(resource).includes(slug) || key.includes(slug.replace(/_/g, ''));
}
