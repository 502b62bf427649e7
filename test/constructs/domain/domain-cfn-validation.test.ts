/**
 * aws-cdk-lib's own CloudFormation validation (resource schemas and lint rules), switched back on
 * for this file only: the jest setup turns it off everywhere else because it costs ~1 s per app.
 * With `@aws-cdk/core:validateAgainstDefaultRules` its findings are errors and synth throws.
 */
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DataDomain } from '../../../constructs/domain/data-domain';
import { DataProduct } from '../../../constructs/data-product/data-product';
import { ordersContract } from '../../support/contract-factory';
import { DOMAIN_ACCOUNT, GOVERNANCE_ACCOUNT, REGION } from './domain-fixture';

const setupValue = process.env.CDK_VALIDATION;
beforeAll(() => {
  delete process.env.CDK_VALIDATION;
});
afterAll(() => {
  process.env.CDK_VALIDATION = setupValue;
});

function validatedDomain(): { app: App; orders: DataProduct } {
  const app = new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
  const stack = new Stack(app, 'SalesDomain', { env: { account: DOMAIN_ACCOUNT, region: REGION } });
  const producers = [iam.Role.fromRoleArn(stack, 'Etl', `arn:aws:iam::${DOMAIN_ACCOUNT}:role/sales-etl`)];
  const domain = new DataDomain(stack, 'Domain', { meshName: 'retail', domainName: 'sales', governanceAccount: GOVERNANCE_ACCOUNT, producers });
  const orders = domain.addDataProduct('Orders', {
    contract: ordersContract({ sla: { retentionDays: 30 }, servers: [{ server: 'lake', type: 's3', format: 'csv' }] }),
  });
  orders.grantRead(new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() }));
  return { app, orders };
}

describe('CloudFormation validation of a domain stack', () => {
  test('finds no error', () => {
    const { app } = validatedDomain();
    expect(() => app.synth()).not.toThrow();
  });

  test('is really on here: a property CloudFormation does not know fails synth', () => {
    const { app, orders } = validatedDomain();
    // Glue's API has column Parameters, CloudFormation's AWS::Glue::Table does not: why column
    // classifications are table parameters.
    (orders.table('orders') as CfnResource).addPropertyOverride('TableInput.StorageDescriptor.Columns.0.Parameters', { a: 'b' });
    expect(() => app.synth()).toThrow(/Columns.0.Parameters: Additional properties are not allowed/);
  });
});
