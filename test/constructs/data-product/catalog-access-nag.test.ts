/**
 * NIST 800-53 R5 IAMNoInlinePolicy on the IAM side of product grants: a role imported by ARN gets
 * its grants as an inline policy CDK attaches to it alone, acknowledged with a reason; a role this
 * app creates is its owner's to decide, so its default policy stays reported.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { NIST80053R5Checks } from 'cdk-nag';
import { DataDomain } from '../../../constructs/domain/data-domain';
import { ordersContract } from '../../support/contract-factory';
import { DOMAIN_ACCOUNT, domainFixture, REGION } from '../domain/domain-fixture';

const INLINE_POLICY_RULE = 'NIST.800.53.R5-IAMNoInlinePolicy';

/** Synthesizes first: a producer's grants are added when the app is prepared. */
function inlinePolicyFindings(stack: Stack): string[] {
  App.of(stack)!.synth();
  return new NIST80053R5Checks()
    .validateScope(stack)
    .violations.filter((violation) => violation.ruleName === INLINE_POLICY_RULE)
    .flatMap((violation) => violation.violatingResources.map((resource) => resource.constructPath ?? ''));
}

describe('product grants and NIST 800-53 R5 IAMNoInlinePolicy', () => {
  test('a producer and a reader imported by ARN: their grant policies are acknowledged', () => {
    const stack = new Stack(new App(), 'SalesDomain', { env: { account: DOMAIN_ACCOUNT, region: REGION } });
    const etl = iam.Role.fromRoleArn(stack, 'Etl', `arn:aws:iam::${DOMAIN_ACCOUNT}:role/sales-etl`);
    const reader = iam.Role.fromRoleArn(stack, 'Reader', `arn:aws:iam::${DOMAIN_ACCOUNT}:role/sales-reader`);
    const domain = new DataDomain(stack, 'Governed', { meshName: 'retail', domainName: 'sales', producers: [etl] });
    domain.addDataProduct('Orders', { contract: ordersContract() }).grantRead(reader);
    expect(inlinePolicyFindings(stack)).toEqual([]);
    expect(stack.node.findAll().filter((construct) => construct instanceof iam.Policy).map((policy) => policy.node.path)).toEqual([
      'SalesDomain/Etl/Policy',
      'SalesDomain/Reader/Policy',
    ]);
  });

  test('a role this app creates keeps its default policy reported', () => {
    const { stack, domain } = domainFixture();
    const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
    domain.addDataProduct('Orders', { contract: ordersContract() }).grantRead(reader);
    expect(inlinePolicyFindings(stack)).toEqual(['SalesDomain/Reader/DefaultPolicy/Resource']);
  });

  test('the domain registration role has no inline policy at all', () => {
    const { stack, domain } = domainFixture();
    domain.addDataProduct('Orders', { contract: ordersContract() });
    expect(inlinePolicyFindings(stack)).toEqual([]);
  });
});
