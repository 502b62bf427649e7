/**
 * Compliance of the whole mesh app (issue "Compliance and hostile input"): cdk-nag's AwsSolutions
 * and NIST 800-53 R5 packs and lakemesh's DataMeshChecks find no unacknowledged error on any stack
 * of the example mesh, in both sharing models; each acknowledgement sits on one resource with its
 * reason; and `addCompliancePacks` puts the packs into synth unless the context turns them off.
 */
import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, NagPack, NIST80053R5Checks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { addCompliancePacks, NAG_CONTEXT_KEY } from '../../lib/app/compliance';
import { MeshApp } from '../../lib/app/mesh-app';
import { loadMesh } from '../../lib/config/load-mesh';
import { DataMeshChecks } from '../../lib/nag';
import { EXAMPLE_MESH_FILE, FIXED_TODAY, replaceOnce, writeExampleVariant } from '../support/mesh-app-fixture';

const INLINE_POLICY_RULE = 'NIST.800.53.R5-IAMNoInlinePolicy';
const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

function packs(): NagPack[] {
  return [new AwsSolutionsChecks(), new NIST80053R5Checks(), new DataMeshChecks()];
}

function stacksUnder(scope: IConstruct): Stack[] {
  return scope.node.findAll().filter((construct): construct is Stack => Stack.isStack(construct));
}

/** Every unacknowledged error of the three packs, stack by stack, as `<rule> at <construct path>`. */
function unacknowledgedErrors(scope: IConstruct): string[] {
  return stacksUnder(scope).flatMap((stack) =>
    packs().flatMap((pack) =>
      pack
        .validateScope(stack)
        .violations.filter((violation) => violation.severity === 'error')
        .flatMap((violation) => violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`)),
    ),
  );
}

/**
 * The mesh app of `meshFile`, synthesized (aspects have run, as in `cdk synth`) after `extend`
 * has added whatever a test needs.
 */
function meshApp(meshFile: string, extend: (mesh: MeshApp) => void = () => {}): MeshApp {
  const app = new App();
  const mesh = new MeshApp(app, 'Mesh', { mesh: loadMesh(meshFile, { today: new Date(`${FIXED_TODAY}T12:00:00Z`) }), today: FIXED_TODAY });
  extend(mesh);
  app.synth();
  return mesh;
}

/** A bucket with none of the protections the packs ask for, and a database that hands its new tables to IAM. */
function addNoncompliantResources(stack: Stack): { bucket: s3.Bucket } {
  const bucket = new s3.Bucket(stack, 'Noncompliant');
  new glue.CfnDatabase(stack, 'OpenDatabase', {
    catalogId: stack.account,
    databaseInput: {
      name: 'open',
      createTableDefaultPermissions: [{ principal: { dataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, permissions: ['ALL'] }],
    },
  });
  return { bucket };
}

interface Acknowledgement {
  readonly construct: IConstruct;
  readonly path: string;
  readonly id: string;
  readonly reason: string;
  readonly resources: number;
}

function acknowledgementsUnder(scope: IConstruct): Acknowledgement[] {
  return scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([key, reason]) => ({
          construct,
          path: construct.node.path,
          id: key.replace(/^annotation::/i, ''),
          reason,
          resources: construct.node.findAll().filter(CfnResource.isCfnResource).length,
        })),
      ),
  );
}

describe('the compliance packs on every stack of the example mesh', () => {
  const variants: [string, () => string][] = [
    ['the example (central catalog)', () => EXAMPLE_MESH_FILE],
    ['producer-direct sharing', () => writeExampleVariant((yaml) => replaceOnce(yaml, 'sharing: central-catalog', 'sharing: producer-direct'))],
    ['one AWS Organization (no RAM invitations to accept)', () => writeExampleVariant((yaml) => replaceOnce(yaml, 'organization: false', 'organization: true'))],
  ];

  test.each(variants)('%s: no unacknowledged error', (_, meshFile) => {
    const mesh = meshApp(meshFile());
    expect(stacksUnder(mesh)).toHaveLength(1 + mesh.domainStacks.size + mesh.consumerStacks.size);
    expect(unacknowledgedErrors(mesh)).toEqual([]);
  });

  test('the check reports every pack’s error on a stack of the mesh, and nothing else', () => {
    const mesh = meshApp(EXAMPLE_MESH_FILE, (app) => addNoncompliantResources(app.governanceStack));
    const errors = unacknowledgedErrors(mesh);
    expect(errors).toEqual(
      expect.arrayContaining([
        'AwsSolutions-S1 at Mesh/Governance/Noncompliant/Resource',
        'NIST.800.53.R5-S3BucketReplicationEnabled at Mesh/Governance/Noncompliant/Resource',
        'NIST.800.53.R5-S3DefaultEncryptionKMS at Mesh/Governance/Noncompliant/Resource',
        'DataMesh-NoIamAllowedPrincipals at Mesh/Governance/OpenDatabase',
      ]),
    );
    expect(errors.filter((error) => !/ at Mesh\/Governance\/(Noncompliant|OpenDatabase)\b/.test(error))).toEqual([]);
  });

  test('an acknowledgement silences one rule on one resource, and only that', () => {
    const mesh = meshApp(EXAMPLE_MESH_FILE, (app) => {
      const { bucket } = addNoncompliantResources(app.governanceStack);
      Validations.of(bucket.node.defaultChild!).acknowledge({ id: 'AwsSolutions-S1', reason: 'a test fixture' });
    });
    const errors = unacknowledgedErrors(mesh);
    expect(errors).not.toContain('AwsSolutions-S1 at Mesh/Governance/Noncompliant/Resource');
    expect(errors).toContain('NIST.800.53.R5-S3BucketReplicationEnabled at Mesh/Governance/Noncompliant/Resource');
  });
});

describe('acknowledgements in the example mesh', () => {
  let mesh: MeshApp;
  let acknowledgements: Acknowledgement[];
  beforeAll(() => {
    mesh = meshApp(EXAMPLE_MESH_FILE);
    acknowledgements = acknowledgementsUnder(mesh);
  });

  test('each sits on a construct holding exactly one CloudFormation resource and says why', () => {
    expect(acknowledgements.length).toBeGreaterThan(0);
    expect(acknowledgements.filter((ack) => ack.resources !== 1 || ack.reason.trim().split(/\s+/).length < 8)).toEqual([]);
  });

  test('AwsSolutions-IAM5 is acknowledged wildcard by wildcard, never for a whole policy', () => {
    const iam5 = acknowledgements.filter((ack) => ack.id.startsWith('AwsSolutions-IAM5'));
    expect(iam5.length).toBeGreaterThan(0);
    expect(iam5.filter((ack) => !/^AwsSolutions-IAM5\[Resource::.+\]$/.test(ack.id))).toEqual([]);
  });

  test('the storage rules are acknowledged only on the buckets reviewed for them', () => {
    const pathsByRule = new Map<string, Set<string>>();
    for (const ack of acknowledgements.filter((candidate) => !candidate.id.startsWith('AwsSolutions-IAM5') && candidate.id !== INLINE_POLICY_RULE)) {
      pathsByRule.set(ack.id, (pathsByRule.get(ack.id) ?? new Set()).add(ack.path));
    }
    const accessLogs = ['customers', 'logistics', 'sales'].map((domain) => `Mesh/Domain-${domain}/Domain/AccessLogs/Resource`);
    const dataBuckets = ['customers', 'logistics', 'sales'].map((domain) => `Mesh/Domain-${domain}/Domain/DataBucket/Resource`);
    expect(Object.fromEntries([...pathsByRule].map(([rule, paths]) => [rule, [...paths].sort()]))).toEqual({
      'AwsSolutions-S1': accessLogs,
      'NIST.800.53.R5-S3DefaultEncryptionKMS': accessLogs,
      'NIST.800.53.R5-S3BucketReplicationEnabled': [...accessLogs, ...dataBuckets].sort(),
    });
  });

  test('inline policies are acknowledged only where CDK attaches grants to a producer role imported by ARN', () => {
    const policies = acknowledgements
      .filter((ack) => ack.id === INLINE_POLICY_RULE)
      .map((ack) => ack.construct as iam.Policy);
    const roles = policies.flatMap((policy) => Stack.of(policy).resolve((policy.node.defaultChild as iam.CfnPolicy).roles) as string[]);
    expect(roles.sort()).toEqual(['customers-etl', 'logistics-etl', 'sales-data-engineer', 'sales-etl']);
  });

  test('the packs see every AWS resource but the handlers and roles of CustomResourceProvider (plain CfnResources)', () => {
    const unseen = mesh.node
      .findAll()
      .filter((construct): construct is CfnResource => CfnResource.isCfnResource(construct) && construct.constructor === CfnResource)
      .filter((resource) => resource.cfnResourceType.startsWith('AWS::'))
      .map((resource) => resource.node.path.replace(/^Mesh\/[^/]+\//, ''));
    expect(new Set(unseen)).toEqual(
      new Set([
        'LakemeshDataLakeSettingsProviderCustomResourceProvider/Role',
        'LakemeshDataLakeSettingsProviderCustomResourceProvider/Handler',
        'LakemeshRamInvitationAcceptanceProviderCustomResourceProvider/Role',
        'LakemeshRamInvitationAcceptanceProviderCustomResourceProvider/Handler',
      ]),
    );
  });
});

describe('addCompliancePacks', () => {
  function noncompliantApp(context: Record<string, unknown> = {}): App {
    const app = new App({ context });
    addNoncompliantResources(new Stack(app, 'Plain', { env: { account: ACCOUNT, region: REGION } }));
    return app;
  }

  function synthError(app: App): string {
    try {
      app.synth();
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('synth succeeded');
  }

  test('adds the AwsSolutions, NIST 800-53 R5 and DataMesh packs: synth fails on an error of each', () => {
    const app = noncompliantApp();
    expect(addCompliancePacks(app)).toBe(true);
    const message = synthError(app);
    expect(message).toContain('AwsSolutions-S1');
    expect(message).toContain('NIST.800.53.R5-S3BucketReplicationEnabled');
    expect(message).toContain('DataMesh-NoIamAllowedPrincipals');
    expect(message).toContain('Plain/Noncompliant/Resource');
  });

  test.each([false, 'false'])(`-c ${NAG_CONTEXT_KEY}=%p turns them off: nothing added, synth succeeds`, (value) => {
    const app = noncompliantApp({ [NAG_CONTEXT_KEY]: value });
    expect(addCompliancePacks(app)).toBe(false);
    expect(() => app.synth()).not.toThrow();
  });

  test('any other value of the context key keeps them on', () => {
    const app = noncompliantApp({ [NAG_CONTEXT_KEY]: 'true' });
    expect(addCompliancePacks(app)).toBe(true);
    expect(synthError(app)).toContain('AwsSolutions-S1');
  });
});
