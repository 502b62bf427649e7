/**
 * Sharding on the retail example: unchanged when it fits (the six stacks of DESIGN.md §4), and with
 * lowered limits split the way docs/sharding.md describes (names, dependencies, what stays in the
 * first stack, references by name only), in both sharing models, with the shard state read from
 * beside the mesh file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { Stack } from 'aws-cdk-lib';
import { loadMesh } from '../../lib/config/load-mesh';
import { MeshConfig } from '../../lib/config/model';
import { DataMeshChecks } from '../../lib/nag';
import { planShards, serializeShardState, shardLimits, shardStateFilePath, shardStateOf, ShardState } from '../../lib/sharding';
import { FIXED_TODAY, replaceOnce, writeExampleVariant } from '../support/mesh-app-fixture';
import { synthesize, Synthesized, SynthesizedStack } from '../sharding/sharding-fixture';
import { grantMetadataRecord } from '../../lib/grants/grant-metadata';

const EXAMPLE_STACKS = ['retail-consumer-finance', 'retail-consumer-marketing', 'retail-domain-customers', 'retail-domain-logistics', 'retail-domain-sales', 'retail-governance'];
/** Small enough that the governance stack, the sales domain and the finance consumer split. */
const TINY = shardLimits({ maxResources: 22 });

function load(meshFile: string): MeshConfig {
  return loadMesh(meshFile, { today: new Date(`${FIXED_TODAY}T12:00:00Z`) });
}

/** A copy of the example (so that no shard state beside it is read), edited by `edit` when given. */
function exampleCopy(edit: (text: string) => string = (text) => text.replace('name: retail\n', 'name: retail\n# a copy\n')): string {
  return writeExampleVariant(edit);
}

function stack(synthesized: Synthesized, name: string): SynthesizedStack {
  const found = synthesized.stacks.find((candidate) => candidate.stackName === name);
  if (!found) throw new Error(`no stack ${name}; stacks: ${synthesized.stacks.map((s) => s.stackName).join(', ')}`);
  return found;
}

function typesIn(synthesized: Synthesized, name: string): string[] {
  return [...new Set([...stack(synthesized, name).resources.values()].map((resource) => resource.type))].sort();
}

function warningsOf(scope: Stack): string[] {
  return scope.node.metadata.filter((entry) => entry.type === 'aws:cdk:warning').map((entry) => String(entry.data));
}

describe('the retail example', () => {
  test('fits: the six stacks of DESIGN.md §4, one per group, no shard', () => {
    const synthesized = synthesize(load(exampleCopy()));
    expect(synthesized.stacks.map((s) => s.stackName).sort()).toEqual(EXAMPLE_STACKS);
    expect([...synthesized.meshApp.stackGroups.values()].map((stacks) => stacks.length)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  test('without a shard state, warns once, on the governance stack, that units are not pinned', () => {
    const meshFile = exampleCopy();
    const synthesized = synthesize(load(meshFile));
    expect(warningsOf(synthesized.meshApp.governanceStack)).toEqual([
      `there is no shard state (${shardStateFilePath(meshFile)}), so every unit went to the shard a first run gives it; that place may change as the mesh grows, and a unit that changes stacks revokes and re-grants live access: run \`lakemesh lock --config ${meshFile}\` and commit mesh.shards.json [ack: lakemesh:shards-unpinned]`,
    ]);
  });

  test('with a state that pins every unit, does not warn', () => {
    const mesh = load(exampleCopy());
    const synthesized = synthesize(mesh, { shardState: shardStateOf(planShards(mesh)) });
    expect(warningsOf(synthesized.meshApp.governanceStack)).toEqual([]);
  });

  test('reads the shard state from beside the mesh file', () => {
    const meshFile = exampleCopy();
    const mesh = load(meshFile);
    const state = shardStateOf(planShards(mesh));
    const pinned: ShardState = { ...state, groups: { ...state.groups, governance: { shards: 2, units: { ...state.groups.governance.units, 'grant/sales.orders/finance': 2 } } } };
    fs.writeFileSync(shardStateFilePath(meshFile), serializeShardState(pinned));
    const synthesized = synthesize(mesh);
    expect(synthesized.meshApp.shardPlan.groups.get('governance')!.shardOf.get('grant/sales.orders/finance')).toBe(2);
    const grants = [...stack(synthesized, 'retail-governance--2').resources.values()].map((resource) => grantMetadataRecord(resource.metadata?.['lakemesh:grant']) as { product: string; consumer: string } | undefined);
    expect(new Set(grants.filter((grant) => grant !== undefined).map((grant) => `${grant!.product}/${grant!.consumer}`))).toEqual(new Set(['sales.orders/finance']));
    expect(warningsOf(synthesized.meshApp.governanceStack)).toEqual([]);
  });

  test('fails on a shard state of another mesh', () => {
    const meshFile = exampleCopy();
    const mesh = load(meshFile);
    fs.writeFileSync(shardStateFilePath(meshFile), serializeShardState({ ...shardStateOf(planShards(mesh)), mesh: 'shop' }));
    expect(() => synthesize(mesh)).toThrow(`mesh: the shard state is for mesh "shop", but the mesh file names "retail"; a renamed mesh renames every stack, so delete the state and run \`lakemesh lock\` [LM547]`);
  });
});

describe('the retail example under lowered limits (central catalog)', () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synthesize(load(exampleCopy()), { shardLimits: TINY });
  });

  test('splits the governance stack, the sales domain and the finance consumer into <stack>--<n>', () => {
    const names = synthesized.stacks.map((s) => s.stackName);
    expect(names).toEqual(expect.arrayContaining(['retail-governance--2', 'retail-domain-sales--2', 'retail-consumer-finance--2']));
    for (const s of synthesized.stacks) expect({ stack: s.stackName, resources: s.resources.size <= TINY.maxResources }).toEqual({ stack: s.stackName, resources: true });
  });

  test('chains each shard after the one before it', () => {
    expect(stack(synthesized, 'retail-governance--2').dependencies).toContain('retail-governance');
    expect(stack(synthesized, 'retail-domain-sales--2').dependencies).toContain('retail-domain-sales');
    expect(stack(synthesized, 'retail-consumer-finance--2').dependencies).toContain('retail-consumer-finance');
  });

  test('orders the groups: governance after every domain shard, consumers after the last governance shard', () => {
    const lastGovernance = [...synthesized.meshApp.stackGroups.get('governance')!].pop()!.stackName;
    const lastSales = [...synthesized.meshApp.stackGroups.get('domain/sales')!].pop()!.stackName;
    expect(lastSales).toMatch(/^retail-domain-sales--\d+$/);
    expect(stack(synthesized, 'retail-governance').dependencies).toContain(lastSales);
    expect(stack(synthesized, 'retail-consumer-finance').dependencies).toContain(lastGovernance);
  });

  test('keeps settings, tags, bucket and key in the first stack of each group', () => {
    expect(typesIn(synthesized, 'retail-governance')).toEqual(expect.arrayContaining(['Custom::LakemeshDataLakeSettings', 'AWS::LakeFormation::Tag']));
    expect(typesIn(synthesized, 'retail-domain-sales')).toEqual(expect.arrayContaining(['AWS::KMS::Key', 'AWS::S3::Bucket', 'Custom::LakemeshDataLakeSettings']));
    for (const shard of ['retail-governance--2', 'retail-domain-sales--2', 'retail-consumer-finance--2']) {
      expect(typesIn(synthesized, shard)).not.toEqual(expect.arrayContaining(['Custom::LakemeshDataLakeSettings']));
      expect(typesIn(synthesized, shard)).not.toContain('AWS::LakeFormation::Tag');
    }
  });

  test('gives a product in a domain shard the bucket by its name, not by an export', () => {
    const shard = stack(synthesized, 'retail-domain-sales--2');
    const database = [...shard.resources.values()].find((resource) => resource.type === 'AWS::Glue::Database')!;
    expect((database.properties as { DatabaseInput: { LocationUri: string } }).DatabaseInput.LocationUri).toMatch(/^s3:\/\/retail-sales-222222222222-eu-west-1\/[a-z_]+\/$/);
  });

  test('gives a consumer shard its links, the RAM acceptance for them and their access policy', () => {
    expect(typesIn(synthesized, 'retail-consumer-finance--2')).toEqual(
      expect.arrayContaining(['AWS::Glue::Database', 'AWS::IAM::ManagedPolicy', 'AWS::LakeFormation::PrincipalPermissions', 'Custom::LakemeshRamInvitationAcceptance']),
    );
  });

  test('references nothing across stacks but by name, and every DependsOn stays in its template', () => {
    const problems: string[] = [];
    for (const s of synthesized.stacks) {
      if (JSON.stringify(s.template).includes('Fn::ImportValue') || 'Outputs' in s.template) problems.push(`${s.stackName} imports or exports`);
      for (const [id, resource] of s.resources) for (const dependency of resource.dependsOn) if (!s.resources.has(dependency)) problems.push(`${s.stackName} ${id} → ${dependency}`);
    }
    expect(problems).toEqual([]);
  });

  test('passes the compliance packs on every shard', () => {
    const errors = synthesized.stacks
      .filter((s) => s.stackName.includes('--'))
      .flatMap((s) => {
        const construct = synthesized.meshApp.node.findAll().find((c): c is Stack => Stack.isStack(c) && c.stackName === s.stackName)!;
        return [new AwsSolutionsChecks(), new NIST80053R5Checks(), new DataMeshChecks()].flatMap((pack) =>
          pack.validateScope(construct).violations.filter((v) => v.severity === 'error').map((v) => `${v.ruleName} in ${s.stackName}`),
        );
      });
    expect(errors).toEqual([]);
  });
});

describe('the retail example under lowered limits (producer-direct)', () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    const meshFile = exampleCopy((text) => replaceOnce(text, 'sharing: central-catalog', 'sharing: producer-direct'));
    synthesized = synthesize(load(meshFile), { shardLimits: shardLimits({ maxResources: 25 }) });
  });

  test('puts grants into the domain shards and makes consumers wait for the last shard of each domain they read', () => {
    const sales = synthesized.meshApp.stackGroups.get('domain/sales')!.map((s) => s.stackName);
    expect(sales.length).toBeGreaterThan(1);
    const granted = sales.filter((name) => [...stack(synthesized, name).resources.values()].some((resource) => resource.metadata?.['lakemesh:grant'] !== undefined));
    expect(granted.length).toBeGreaterThan(0);
    expect(stack(synthesized, 'retail-consumer-finance').dependencies).toContain(sales[sales.length - 1]);
  });
});

describe('a shard whose units were all removed', () => {
  test('stays, with one placeholder resource, so that deploying it deletes what it held', () => {
    const mesh = load(exampleCopy());
    const state = shardStateOf(planShards(mesh));
    const synthesized = synthesize(mesh, { shardState: { ...state, groups: { ...state.groups, governance: { ...state.groups.governance, shards: 3 } } } });
    const emptied = stack(synthesized, 'retail-governance--3');
    expect([...emptied.resources].filter(([, resource]) => resource.type !== 'AWS::CDK::Metadata').map(([id, resource]) => `${id} ${resource.type}`)).toEqual([
      'EmptyShard AWS::CloudFormation::WaitConditionHandle',
    ]);
  });
});

describe('a shard stack name over 128 characters', () => {
  test('fails synth, naming the group and how much to shorten', () => {
    // retail-consumer-<110 characters> is 126 characters; its shard 2 would be 129.
    const consumer = `c${'x'.repeat(109)}`;
    const meshFile = exampleCopy((text) => text.replace('- name: finance\n', `- name: ${consumer}\n`).replace(/consumer: finance\n/g, `consumer: ${consumer}\n`));
    expect(() => synthesize(load(meshFile), { shardLimits: TINY })).toThrow(
      `shard 2 of consumer/${consumer} would be stack "retail-consumer-cxxxxxxxxxxxxxxxxxxxxxxx…", 129 characters, more than the 128 cloudformation allows; shorten the consumer name by 1 characters [LM549]`,
    );
  });
});

test('synth writes nothing beside the mesh file, not even the shard state it lacks', () => {
  const meshFile = exampleCopy();
  const before = fs.readdirSync(path.dirname(meshFile)).sort();
  synthesize(load(meshFile), { shardLimits: TINY });
  expect(fs.readdirSync(path.dirname(meshFile)).sort()).toEqual(before);
});
