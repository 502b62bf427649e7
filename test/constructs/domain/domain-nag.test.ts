import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DataDomain } from '../../../constructs/domain/data-domain';
import { ordersContract } from '../../support/contract-factory';
import { DOMAIN_ACCOUNT, GOVERNANCE_ACCOUNT, REGION } from './domain-fixture';

/** Synthesizes first: the registration and producer policies are filled when the app is prepared. */
function errors(stack: Stack): { rule: string; at: (string | undefined)[] }[] {
  App.of(stack)!.synth();
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

  test('a domain with many products: its split registration and producer policies have no unacknowledged error', () => {
    // One stack here (MeshApp would shard it): lift the CDK's own 500-resource check.
    const app = new App({ context: { '@aws-cdk/core:stackResourceLimit': 0 } });
    const stack = new Stack(app, 'BigDomain', { env: { account: DOMAIN_ACCOUNT, region: REGION } });
    const etl = iam.Role.fromRoleArn(stack, 'Etl', `arn:aws:iam::${DOMAIN_ACCOUNT}:role/sales-etl`);
    const domain = new DataDomain(stack, 'Domain', { meshName: 'retail', domainName: 'sales', governanceAccount: GOVERNANCE_ACCOUNT, producers: [etl] });
    for (let index = 1; index <= 80; index++) {
      const slug = `product_${String(index).padStart(3, '0')}`;
      domain.addDataProduct(`Product${index}`, { contract: ordersContract({ id: `${slug}-contract`, dataProduct: slug, productSlug: slug }) });
    }
    expect(errors(stack)).toEqual([]);
    const policies = Object.keys(Template.fromStack(stack).findResources('AWS::IAM::ManagedPolicy'));
    expect(policies.filter((id) => id.startsWith('DomainRegistrationPolicy')).length).toBeGreaterThan(1);
    expect(policies.filter((id) => id.startsWith('DomainProducerAccessBigDomainEtl')).length).toBeGreaterThan(1);
  });
});
