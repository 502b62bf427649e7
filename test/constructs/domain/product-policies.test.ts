import { App, CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { groupProducts, ProductPolicies, ProductPoliciesProps } from '../../../constructs/domain/product-policies';
import { problemsOf } from '../../support/problems';

/** 100 characters a product: 55 fit one policy (6,144 - 544), 56 do not. */
const SIZING = { subject: 'the policies of test role', fixedCharacters: 544, charactersOf: () => 100, maxPolicies: 8 };

function products(count: number, from = 1): string[] {
  return Array.from({ length: count }, (_, index) => `product_${String(from + index).padStart(5, '0')}`);
}

function groupOf(groups: string[][], key: string): number {
  return groups.findIndex((members) => members.includes(key));
}

describe('groupProducts', () => {
  test('one policy while every product fits it', () => {
    expect(groupProducts(products(55), SIZING)).toEqual([products(55)]);
  });

  test('past one policy, a power of two of them, every product in exactly one, each within the cap', () => {
    const groups = groupProducts(products(200), SIZING);
    expect([2, 4, 8]).toContain(groups.length);
    expect(groups.flat().sort()).toEqual(products(200));
    for (const members of groups) expect(SIZING.fixedCharacters + members.length * 100).toBeLessThanOrEqual(6144);
  });

  test('the same products in any order give the same policies', () => {
    expect(groupProducts([...products(200)].reverse(), SIZING)).toEqual(groupProducts(products(200), SIZING));
  });

  test('adding a product leaves every other product in its policy', () => {
    const before = groupProducts(products(150), SIZING);
    const after = groupProducts([...products(150), 'product_new'], SIZING);
    expect(after.length).toBe(before.length);
    for (const key of products(150)) expect(groupOf(after, key)).toBe(groupOf(before, key));
  });

  test('when the count doubles, a product stays in policy i or moves to policy i + n/2', () => {
    // 100 products need 2 policies at 100 characters each, 4 at 120 or more.
    const two = groupProducts(products(100), SIZING);
    const four = groupProducts(products(100), { ...SIZING, charactersOf: () => 150 });
    expect(two).toHaveLength(2);
    expect(four).toHaveLength(4);
    for (const key of products(100)) expect(groupOf(four, key) % 2).toBe(groupOf(two, key));
  });

  test('fails naming the subject, the count and the fix when the products need more policies than allowed', () => {
    expect(problemsOf(() => groupProducts(products(200), { ...SIZING, maxPolicies: 2 }))).toEqual([
      {
        code: 'LM347',
        path: '',
        message:
          "the policies of test role list 200 products, more than 2 managed policies of 6,144 characters hold (IAM attaches 10 managed policies to a role by default); split the domain's products over two domains",
      },
    ]);
  });
});

describe('ProductPolicies', () => {
  function policiesFor(keys: readonly string[], props: Partial<ProductPoliciesProps> = {}) {
    const stack = new Stack(new App(), 'Test', { env: { account: '111111111111', region: 'eu-west-1' } });
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lakeformation.amazonaws.com') });
    const filled: { keys: readonly string[]; index: number }[] = [];
    const policies = new ProductPolicies(stack, {
      role,
      id: 'Read',
      description: 'reads products',
      ...SIZING,
      statements: (index, members) => [
        ...(index === 0 ? [new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: ['*'] })] : []),
        ...(members.length > 0 ? [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: members.map((key) => `arn:aws:s3:::bucket/${key}/*`) })] : []),
      ],
      onPolicy: (_policy, members, index) => filled.push({ keys: members, index }),
      ...props,
    });
    for (const key of keys) policies.add(key);
    return { stack, policies, filled, template: () => Template.fromStack(stack) };
  }

  test('a few products: one policy attached to the role, the shared statements first', () => {
    const { template, filled } = policiesFor(['b', 'a']);
    const resources = template().findResources('AWS::IAM::ManagedPolicy');
    expect(Object.keys(resources)).toHaveLength(1);
    const [policy] = Object.values(resources);
    expect(policy.Properties.Roles).toEqual([{ Ref: expect.stringMatching(/^Role/) }]);
    expect(policy.Properties.PolicyDocument.Statement).toEqual([
      { Action: 'kms:Decrypt', Effect: 'Allow', Resource: '*' },
      { Action: 's3:GetObject', Effect: 'Allow', Resource: ['arn:aws:s3:::bucket/a/*', 'arn:aws:s3:::bucket/b/*'] },
    ]);
    expect(filled).toEqual([{ keys: ['a', 'b'], index: 0 }]);
  });

  test('many products: several policies, each product listed once, the shared statements in the first only', () => {
    const keys = products(120);
    const { template, filled } = policiesFor(keys);
    const resources = template().findResources('AWS::IAM::ManagedPolicy');
    expect(Object.keys(resources).length).toBeGreaterThan(1);
    const listed = Object.values(resources).flatMap((policy) =>
      policy.Properties.PolicyDocument.Statement.filter((statement: { Action: string }) => statement.Action === 's3:GetObject').flatMap(
        (statement: { Resource: string | string[] }) => [statement.Resource].flat(),
      ),
    );
    expect(listed.sort()).toEqual(keys.map((key) => `arn:aws:s3:::bucket/${key}/*`));
    const withKey = Object.values(resources).filter((policy) => policy.Properties.PolicyDocument.Statement.some((statement: { Action: string }) => statement.Action === 'kms:Decrypt'));
    expect(withKey).toHaveLength(1);
    expect(filled.map((policy) => policy.index).sort()).toEqual([...Array(filled.length).keys()]);
  });

  test('policy i waits for policy i + n/2, where the products it loses at a doubling go', () => {
    const { stack, template, filled } = policiesFor(products(120));
    const resources = template().findResources('AWS::IAM::ManagedPolicy');
    const count = filled.length;
    const idOf = (index: number) => stack.getLogicalId(stack.node.findChild(index === 0 ? 'Read' : `Read${index + 1}`).node.defaultChild as CfnElement);
    expect(count).toBeGreaterThan(1);
    for (let index = 0; index < count / 2; index++) {
      expect(resources[idOf(index)].DependsOn).toEqual([idOf(index + count / 2)]);
    }
    for (let index = count / 2; index < count; index++) expect(resources[idOf(index)].DependsOn).toBeUndefined();
  });

  test('inline while everything fits the inline cap: no managed policy', () => {
    const granted: (readonly string[])[] = [];
    // 544 + 96 * 100 = 10,144 characters.
    const { template } = policiesFor([...products(96)].reverse(), { inline: { maxCharacters: 10_240, grant: (keys) => granted.push(keys) } });
    template().resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    expect(granted).toEqual([products(96)]);
  });

  test('managed policies once the products pass the inline cap (10,244 characters), and nothing granted inline', () => {
    const granted: (readonly string[])[] = [];
    const { template } = policiesFor(products(97), { inline: { maxCharacters: 10_240, grant: (keys) => granted.push(keys) } });
    expect(granted).toEqual([]);
    expect(Object.keys(template().findResources('AWS::IAM::ManagedPolicy')).length).toBeGreaterThan(1);
  });

  test('a product added after the policies were built is refused', () => {
    const { stack, policies } = policiesFor(['a']);
    Template.fromStack(stack);
    expect(() => policies.add('b')).toThrow('the policies of test role: product b added after its policies were built');
  });
});
