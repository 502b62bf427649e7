import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DataDomain } from '../../../constructs/domain/data-domain';
import { ordersContract } from '../../support/contract-factory';
import { DOMAIN_ACCOUNT, GOVERNANCE_ACCOUNT, REGION } from './domain-fixture';

function errors(stack: Stack): { rule: string; at: (string | undefined)[] }[] {
  const report = new AwsSolutionsChecks().validateScope(stack);
  return report.violations.filter((v) => v.severity === 'error').map((v) => ({ rule: v.ruleName, at: v.violatingResources.map((r) => r.constructPath) }));
}

/** A governed domain with two products, a producer role it imports and one it owns, and a reader. */
function domainStack(): { stack: Stack; reader: iam.Role } {
  const app = new App();
  const stack = new Stack(app, 'SalesDomain', { env: { account: DOMAIN_ACCOUNT, region: REGION } });
  const producers = [
    iam.Role.fromRoleArn(stack, 'Etl', `arn:aws:iam::${DOMAIN_ACCOUNT}:role/sales-etl`),
    new iam.Role(stack, 'Loader', { assumedBy: new iam.ServicePrincipal('glue.amazonaws.com') }),
  ];
  const domain = new DataDomain(stack, 'Domain', { meshName: 'retail', domainName: 'sales', governanceAccount: GOVERNANCE_ACCOUNT, producers });
  const orders = domain.addDataProduct('Orders', { contract: ordersContract({ sla: { retentionDays: 90 } }) });
  domain.addDataProduct('Returns', { contract: ordersContract({ id: 'returns-contract', dataProduct: 'returns', productSlug: 'returns' }) });
  const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
  orders.grantRead(reader);
  return { stack, reader };
}

describe('cdk-nag AwsSolutions on a domain stack', () => {
  test('finds no unacknowledged error', () => {
    const { stack } = domainStack();
    expect(errors(stack)).toEqual([]);
  });

  test('acknowledgements stay narrow: a wildcard the domain did not write is still reported', () => {
    const { stack, reader } = domainStack();
    reader.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::somebody-elses-bucket/*'] }));
    expect(errors(stack)).toEqual([
      { rule: 'AwsSolutions-IAM5[Resource::arn:aws:s3:::somebody-elses-bucket/*]', at: ['SalesDomain/Reader/DefaultPolicy/Resource'] },
    ]);
  });
});
