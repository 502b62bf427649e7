/**
 * Policies that list every product of a domain (the registration roles', the producer roles') are
 * spread over several managed policies past one's cap (constructs/domain/product-policies.ts); past
 * what a role may attach, synth refuses the domain (LM347) and says what to do, instead of a deploy
 * failing halfway.
 */
import { productPolicyCount } from '../../lib/sharding/estimate';
import { GeneratedMesh, synthesize } from '../sharding/sharding-fixture';
import { problemsOf } from '../support/problems';

const SYNTH_TIMEOUT_MS = 180_000;

/**
 * A policy document as deployed in the longest partition and region, with the longest bucket name:
 * what IAM counts, at worst.
 */
function atLongest(value: unknown, resources: Record<string, { Type: string }>): unknown {
  if (Array.isArray(value)) return value.map((item) => atLongest(item, resources));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if ('Ref' in object) return { 'AWS::Partition': 'aws-us-gov', 'AWS::Region': 'ap-southeast-5', 'AWS::AccountId': '123456789012' }[object.Ref as string];
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map((part) => atLongest(part, resources)).join(separator);
  }
  if ('Fn::GetAtt' in object) {
    const [logicalId] = object['Fn::GetAtt'] as [string, string];
    const type = resources[logicalId].Type;
    if (type === 'AWS::S3::Bucket') return `arn:aws-us-gov:s3:::${'b'.repeat(63)}`;
    if (type === 'AWS::KMS::Key') return `arn:aws-us-gov:kms:ap-southeast-5:123456789012:key/${'k'.repeat(36)}`;
    throw new Error(`no longest value for ${type}`);
  }
  return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, atLongest(item, resources)]));
}

function oneDomainWith(products: number): GeneratedMesh {
  return new GeneratedMesh({ name: 'policy-size', domains: 1, products, grants: 2, consumers: 1 });
}

describe('policy sizes of a domain with many products', () => {
  test(
    'a domain of 110 products synthesizes, each of its policies within its cap',
    () => {
      const assembly = synthesize(oneDomainWith(110).write());
      const managed = assembly.stacks.flatMap((stack) => {
        const resources = (stack.template as { Resources: Record<string, { Type: string; Properties: { PolicyDocument: unknown } }> }).Resources;
        return Object.entries(resources)
          .filter(([, resource]) => resource.Type === 'AWS::IAM::ManagedPolicy')
          .map(([id, resource]) => ({ id, text: JSON.stringify(atLongest(resource.Properties.PolicyDocument, resources)) }));
      });
      // The governance and domain registration roles and the producer role each needed several.
      expect(managed.filter(({ id }) => id.includes('RegistrationReadProducts')).length).toBeGreaterThan(1);
      expect(managed.filter(({ id }) => id.includes('DomainRegistrationPolicy')).length).toBeGreaterThan(1);
      expect(managed.filter(({ id }) => id.includes('ProducerAccess')).length).toBeGreaterThan(1);
      expect(managed.filter(({ text }) => text.length > 6144).map(({ id }) => id)).toEqual([]);
      // The shard estimates count no fewer policies per role than there are.
      for (const kind of ['RegistrationReadProducts', 'DomainRegistrationPolicy', 'ProducerAccess']) {
        expect(managed.filter(({ id }) => id.includes(kind)).length).toBeLessThanOrEqual(productPolicyCount(110));
      }
    },
    SYNTH_TIMEOUT_MS,
  );

  test(
    'at 130 products the producer role would need more than 4 managed policies, and synth says so',
    () => {
      expect(problemsOf(() => synthesize(oneDomainWith(130).write()))).toEqual([
        {
          code: 'LM347',
          path: '',
          message:
            "the policies of producer arn:aws:iam::200000000001:role/domain-0001-etl of domain domain-0001 list 130 products, more than 4 managed policies of 6,144 characters hold (IAM attaches 10 managed policies to a role by default); split the domain's products over two domains",
        },
      ]);
    },
    SYNTH_TIMEOUT_MS,
  );

  test(
    'adding a product to a large domain changes one policy of each role and moves none',
    () => {
      const mesh = oneDomainWith(100);
      const before = managedPolicies(synthesize(mesh.write()));
      mesh.addProduct('domain-0001', 101);
      const after = managedPolicies(synthesize(mesh.write()));
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      const changed = [...after].filter(([id, document]) => before.get(id) !== document).map(([id]) => id);
      for (const kind of ['RegistrationReadProducts', 'DomainRegistrationPolicy', 'ProducerAccess']) {
        expect(changed.filter((id) => id.includes(kind))).toHaveLength(1);
      }
      expect(changed).toHaveLength(3);
    },
    SYNTH_TIMEOUT_MS,
  );
});

/** `<stack> <logical id>` → policy document (JSON) of every managed policy. */
function managedPolicies(synthesized: ReturnType<typeof synthesize>): Map<string, string> {
  return new Map(
    synthesized.stacks.flatMap((stack) =>
      [...stack.resources]
        .filter(([, resource]) => resource.type === 'AWS::IAM::ManagedPolicy')
        .map(([id, resource]): [string, string] => [`${stack.stackName} ${id}`, JSON.stringify(resource.properties?.PolicyDocument)]),
    ),
  );
}
