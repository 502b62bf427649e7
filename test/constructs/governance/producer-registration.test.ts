import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ProducerRegistration, ProducerRegistrationProps } from '../../../constructs/governance/producer-registration';
import { withPartition } from '../../support/mesh-app-fixture';
import { problemsOf } from '../../support/problems';

const GOVERNANCE = '111111111111';
const PRODUCER = '222222222222';
const BUCKET = 'retail-sales-222222222222-eu-west-1';

function build(overrides: Partial<ProducerRegistrationProps> = {}) {
  const stack = new Stack(new App(), 'Governance', { env: { account: GOVERNANCE, region: 'eu-west-1' } });
  const registration = new ProducerRegistration(stack, 'Registration', {
    meshName: 'retail',
    domainName: 'sales',
    producerAccount: PRODUCER,
    bucketName: BUCKET,
    productPrefixes: ['orders', 'daily_revenue'],
    ...overrides,
  });
  return { stack, registration, template: Template.fromStack(stack) };
}

type Resources = Record<string, { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] }>;

/** Every statement attached to the role, inline or through a policy resource naming it. */
function roleStatements(template: Template, roleId: string): unknown[] {
  const resources = template.toJSON().Resources as Resources;
  const role = resources[roleId];
  const inline = ((role.Properties.Policies ?? []) as { PolicyDocument: { Statement: unknown[] } }[]).flatMap((policy) => policy.PolicyDocument.Statement);
  const attached = Object.values(resources)
    .filter((resource) => ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].includes(resource.Type))
    .filter((resource) => JSON.stringify(resource.Properties.Roles ?? []).includes(JSON.stringify({ Ref: roleId })))
    .flatMap((resource) => (resource.Properties.PolicyDocument as { Statement: unknown[] }).Statement);
  const external = ((role.Properties.ManagedPolicyArns ?? []) as unknown[]).map((arn) => ({ attachedManagedPolicy: arn }));
  return [...inline, ...attached, ...external];
}

describe('ProducerRegistration', () => {
  test('creates the registration role <mesh>-<domain>-registration, assumable by Lake Formation only', () => {
    const { template } = build();
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'retail-sales-registration',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lakeformation.amazonaws.com' } }],
      },
    });
  });

  test('lets the role read the product prefixes (sorted, once each) and decrypt producer keys through S3 only', () => {
    const { stack, registration, template } = build({ productPrefixes: ['orders', 'daily_revenue', 'orders'] });
    const roleId = stack.getLogicalId(registration.role.node.defaultChild as iam.CfnRole);
    expect(withPartition(roleStatements(template, roleId))).toEqual([
      { Action: 's3:GetObject', Effect: 'Allow', Resource: [`arn:aws:s3:::${BUCKET}/daily_revenue/*`, `arn:aws:s3:::${BUCKET}/orders/*`] },
      { Action: 's3:ListBucket', Effect: 'Allow', Resource: `arn:aws:s3:::${BUCKET}`, Condition: { StringLike: { 's3:prefix': ['daily_revenue/*', 'orders/*'] } } },
      { Action: 's3:GetBucketLocation', Effect: 'Allow', Resource: `arn:aws:s3:::${BUCKET}` },
      {
        Action: 'kms:Decrypt',
        Effect: 'Allow',
        Resource: `arn:aws:kms:eu-west-1:${PRODUCER}:key/*`,
        Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
      },
    ]);
  });

  test('builds its ARNs for the partition it deploys to', () => {
    const { template } = build();
    expect(JSON.stringify(template.toJSON())).not.toContain('arn:aws:');
  });

  test('registers each prefix with the custom role (not the service-linked role), after the role may read it', () => {
    const { stack, registration, template } = build({ productPrefixes: ['orders', 'daily_revenue', 'orders'] });
    const resources = template.toJSON().Resources as Resources;
    const registrations = Object.values(resources).filter((resource) => resource.Type === 'AWS::LakeFormation::Resource');
    const roleId = stack.getLogicalId(registration.role.node.defaultChild as iam.CfnRole);
    expect(registrations.map((resource) => withPartition(resource.Properties))).toEqual([
      { ResourceArn: `arn:aws:s3:::${BUCKET}/daily_revenue`, RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] }, UseServiceLinkedRole: false },
      { ResourceArn: `arn:aws:s3:::${BUCKET}/orders`, RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] }, UseServiceLinkedRole: false },
    ]);
    const policyIds = Object.entries(resources)
      .filter(([, resource]) => ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'].includes(resource.Type))
      .map(([id]) => id);
    expect(policyIds).toHaveLength(1);
    for (const registration of registrations) expect(registration.DependsOn).toEqual(expect.arrayContaining(policyIds));
  });

  test('location(prefix) returns the registration of a prefix, and fails for one it does not register', () => {
    const { registration } = build();
    expect(registration.location('orders').useServiceLinkedRole).toBe(false);
    expect(() => registration.location('returns')).toThrow(`product prefix returns of bucket ${BUCKET} is not registered`);
  });

  test('s3Url gives the S3 URL of a prefix and of paths below it, ending in a slash', () => {
    const { registration } = build();
    expect(registration.s3Url('orders')).toBe(`s3://${BUCKET}/orders/`);
    expect(registration.s3Url('orders', 'orders')).toBe(`s3://${BUCKET}/orders/orders/`);
  });

  test('a role name past 64 characters keeps its start and ends in a hash and -registration', () => {
    const { template } = build({ domainName: 'a-very-long-domain-name-that-goes-on-and-on-and-on-and-on' });
    const [role] = Object.values(template.findResources('AWS::IAM::Role'));
    const name = role.Properties.RoleName as string;
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(/^retail-a-very-long-domain-name-.*-[0-9a-f]{8}-registration$/);
  });

  test('cdk-nag AwsSolutions finds no unacknowledged error (the prefix and key wildcards carry their reasons)', () => {
    const { stack } = build();
    const errors = new AwsSolutionsChecks().validateScope(stack).violations.filter((violation) => violation.severity === 'error');
    expect(errors.map((violation) => violation.ruleName)).toEqual([]);
  });

  test('a domain with many products: each location waits for the one policy that lists its prefix', () => {
    const prefixes = Array.from({ length: 120 }, (_, index) => `product_${String(index).padStart(3, '0')}`);
    const { template } = build({ productPrefixes: prefixes });
    const resources = template.toJSON().Resources as Resources;
    const policies = Object.entries(resources).filter(([, resource]) => resource.Type === 'AWS::IAM::ManagedPolicy');
    expect(policies.length).toBeGreaterThan(1);
    const policyListing = (prefix: string) =>
      policies.filter(([, resource]) => JSON.stringify(resource.Properties.PolicyDocument).includes(`"${prefix}/*"`)).map(([id]) => id);
    for (const [, location] of Object.entries(resources).filter(([, resource]) => resource.Type === 'AWS::LakeFormation::Resource')) {
      const prefix = JSON.stringify(location.Properties.ResourceArn).match(/product_\d{3}/)![0];
      const listing = policyListing(prefix);
      expect(listing).toHaveLength(1);
      expect(location.DependsOn).toEqual(listing);
    }
  });

  test('fails naming the domain when its products need more than 8 policies', () => {
    const prefixes = Array.from({ length: 300 }, (_, index) => `p${String(index).padStart(3, '0')}_${'x'.repeat(56)}`);
    expect(problemsOf(() => build({ productPrefixes: prefixes }))).toEqual([
      {
        code: 'LM347',
        path: '',
        message:
          "the policies of the governance registration role of domain sales list 300 products, more than 8 managed policies of 6,144 characters hold (IAM attaches 10 managed policies to a role by default); split the domain's products over two domains",
      },
    ]);
  });
});
