import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  createAccessPolicies,
  LinkTarget,
  MANAGED_POLICY_MAX_CHARACTERS,
  planAccessPolicies,
} from '../../../constructs/consumer/access-policies';

const CONSUMER = '444444444444';
const CATALOGS = ['111111111111', '222222222222', '333333333333'];

/** `count` links with 30-character names, their targets spread over three catalogs. */
function targets(count: number, region = 'eu-west-1'): LinkTarget[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `finance_product_number_${String(i).padStart(3, '0')}`;
    return { linkName: name, catalogId: CATALOGS[i % CATALOGS.length], databaseName: name, region };
  });
}

/** Substitutes the longest values the pseudo parameters can take and evaluates `Fn::Join`. */
function worstCase(value: unknown): unknown {
  const pseudo: Record<string, string> = { 'AWS::Partition': 'aws-us-gov', 'AWS::Region': 'ap-southeast-5', 'AWS::AccountId': CONSUMER };
  if (Array.isArray(value)) return value.map(worstCase);
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (typeof object.Ref === 'string' && object.Ref in pseudo) return pseudo[object.Ref];
    if ('Fn::Join' in object) {
      const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
      return parts.map(worstCase).join(separator);
    }
    return Object.fromEntries(Object.entries(object).map(([key, inner]) => [key, worstCase(inner)]));
  }
  return value;
}

function documentsOf(stack: Stack, input: readonly LinkTarget[]): string[] {
  createAccessPolicies(stack, 'marketing', planAccessPolicies(stack, input));
  return Object.values(Template.fromStack(stack).findResources('AWS::IAM::ManagedPolicy')).map((policy) =>
    JSON.stringify(worstCase(policy.Properties.PolicyDocument)),
  );
}

describe('planAccessPolicies', () => {
  test('puts every link in exactly one policy, in name order', () => {
    const stack = new Stack(new App(), 'Consumer', { env: { account: CONSUMER, region: 'eu-west-1' } });
    const plans = planAccessPolicies(stack, targets(100));

    expect(plans.flatMap((plan) => plan.links)).toEqual(targets(100).map((target) => target.linkName));
  });

  test('gives the same plans for the targets in any order', () => {
    const stack = new Stack(new App(), 'Consumer', { env: { account: CONSUMER, region: 'eu-west-1' } });

    expect(planAccessPolicies(stack, [...targets(60)].reverse())).toEqual(planAccessPolicies(stack, targets(60)));
  });

  test('fills each policy before starting the next (at least 15 such links per policy)', () => {
    const stack = new Stack(new App(), 'Consumer', { env: { account: CONSUMER, region: 'eu-west-1' } });
    const plans = planAccessPolicies(stack, targets(100));

    expect(plans.length).toBeGreaterThan(1);
    for (const plan of plans.slice(0, -1)) expect(plan.links.length).toBeGreaterThanOrEqual(15);
  });

  test('lists the table wildcards, and only those, as wildcards', () => {
    const stack = new Stack(new App(), 'Consumer', { env: { account: CONSUMER, region: 'eu-west-1' } });
    const [plan] = planAccessPolicies(stack, targets(2));

    expect(plan.wildcardResources.map((arn) => stack.resolve(arn)).map((arn) => JSON.stringify(arn))).toEqual([
      expect.stringContaining(`:glue:eu-west-1:${CONSUMER}:table/finance_product_number_000/*`),
      expect.stringContaining(':glue:eu-west-1:111111111111:table/finance_product_number_000/*'),
      expect.stringContaining(`:glue:eu-west-1:${CONSUMER}:table/finance_product_number_001/*`),
      expect.stringContaining(':glue:eu-west-1:222222222222:table/finance_product_number_001/*'),
    ]);
    expect(plan.glueResources).toHaveLength(1 + 2 * 5);
  });
});

describe('the policies', () => {
  test('stay within the managed policy size with the longest partition and region', () => {
    const documents = documentsOf(new Stack(new App(), 'Consumer'), targets(200, 'ap-southeast-5'));

    expect(documents.length).toBeGreaterThan(1);
    for (const document of documents) expect(document.length).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARACTERS);
  });

  test('the first alone allows lakeformation:GetDataAccess', () => {
    const documents = documentsOf(new Stack(new App(), 'Consumer', { env: { account: CONSUMER, region: 'eu-west-1' } }), targets(40));

    expect(documents.length).toBe(3);
    expect(documents.map((document) => document.includes('lakeformation:GetDataAccess'))).toEqual([true, false, false]);
  });
});
