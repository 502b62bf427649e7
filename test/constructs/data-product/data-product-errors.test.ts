import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DataDomain } from '../../../constructs/domain/data-domain';
import { DataProduct } from '../../../constructs/data-product/data-product';
import { CONTRACT_CODES } from '../../../lib/contract/codes';
import { LakemeshError } from '../../../lib/errors';
import { column, ordersContract, table } from '../../support/contract-factory';
import { DOMAIN_ACCOUNT, domainFixture, REGION } from '../domain/domain-fixture';

type Overrides = Parameters<typeof ordersContract>[0];

function addProduct(overrides: Overrides): () => void {
  const { domain } = domainFixture();
  return () => domain.addDataProduct('Orders', { contract: ordersContract(overrides) });
}

describe('DataProduct fails when', () => {
  test('the contract is retired', () => {
    expect(addProduct({ status: 'retired' })).toThrow(
      'test.odcs.yaml:1:1: status: contract orders-contract 1.2.0 is retired; a retired product cannot be provisioned, remove it from domain sales (its data stays in the bucket) [LM360]',
    );
  });

  test('the contract has schema objects that are not tables (the contract module\'s error)', () => {
    const topic = { name: 'order_events', physicalType: 'topic', path: 'schema[1]', location: { file: 'test.odcs.yaml', line: 40, column: 3 } };
    let thrown: unknown;
    try {
      addProduct({ otherObjects: [topic] })();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LakemeshError);
    expect((thrown as LakemeshError).problems).toEqual([
      expect.objectContaining({ code: CONTRACT_CODES.notATable, path: 'schema[1]', location: topic.location, message: expect.stringContaining('"order_events"') }),
    ]);
  });

  test('a column classification is not in the domain ontology, reporting every one', () => {
    const tables = [
      table('orders', [column('email', { classification: 'secret' }), column('phone', { classification: 'pii' })]),
    ];
    expect(addProduct({ tables })).toThrow(
      [
        'test.odcs.yaml:1:1: schema.orders.properties.email.classification: classification "secret" is not in the ontology of domain sales; use one of public, internal, confidential, restricted [LM362]',
        'test.odcs.yaml:1:1: schema.orders.properties.phone.classification: classification "pii" is not in the ontology of domain sales; use one of public, internal, confidential, restricted [LM362]',
      ].join('\n'),
    );
  });

  test('the contract belongs to another domain', () => {
    expect(addProduct({ domain: 'finance' })).toThrow(
      'test.odcs.yaml:1:1: domain: contract orders-contract belongs to domain "finance", not "sales"; add it to its own domain or correct the contract\'s domain [LM363]',
    );
  });

  test('the storage format has no Glue mapping', () => {
    expect(addProduct({ servers: [{ server: 'lake', type: 's3', format: 'delta' }] })).toThrow(
      'test.odcs.yaml:1:1: servers[0].format: storage format "delta" of server "lake" has no glue table mapping; use one of parquet, orc, avro, csv, json [LM361]',
    );
  });

  test('the Glue database name would pass 255 characters', () => {
    const slug = 'p'.repeat(250);
    expect(addProduct({ dataProduct: slug, productSlug: slug })).toThrow(
      `test.odcs.yaml:1:1: dataProduct: glue database name "sales_${slug}" is 256 characters, glue allows 255; shorten the contract's dataProduct [LM367]`,
    );
  });

  test('the product is created in another stack than its domain', () => {
    const { app, domain } = domainFixture();
    const other = new Stack(app, 'Elsewhere', { env: { account: DOMAIN_ACCOUNT, region: REGION } });
    expect(() => new DataProduct(other, 'Orders', { domain, contract: ordersContract() })).toThrow(
      'test.odcs.yaml:1:1: product orders is in stack Elsewhere but its domain sales is in stack SalesDomain; create it with domain.addDataProduct() [LM366]',
    );
  });

  test('every problem of one contract is reported at once', () => {
    try {
      addProduct({ status: 'retired', domain: 'finance' })();
      throw new Error('expected a LakemeshError');
    } catch (error) {
      expect(error).toBeInstanceOf(LakemeshError);
      expect((error as LakemeshError).problems.map((p) => p.code)).toEqual(['LM360', 'LM363']);
    }
  });
});

describe('DataProduct grants fail when', () => {
  function product(): { stack: Stack; product: DataProduct } {
    const { stack, domain } = domainFixture();
    return { stack, product: domain.addDataProduct('Orders', { contract: ordersContract() }) };
  }

  test('the grantee is in another account', () => {
    const { stack, product: p } = product();
    const foreign = iam.Role.fromRoleArn(stack, 'Foreign', 'arn:aws:iam::444444444444:role/marketing-analyst');
    expect(() => p.grantRead(foreign)).toThrow(
      'grantRead grants inside account 222222222222 only, got arn:aws:iam::444444444444:role/marketing-analyst of account 444444444444; share with other accounts through the governance account (ContractGrant) [LM365]',
    );
  });

  test('a producer is in another account', () => {
    const app = new App();
    const stack = new Stack(app, 'SalesDomain', { env: { account: DOMAIN_ACCOUNT, region: REGION } });
    const producers = [iam.Role.fromRoleArn(stack, 'Foreign', 'arn:aws:iam::444444444444:role/etl')];
    const domain = new DataDomain(stack, 'Domain', { meshName: 'retail', domainName: 'sales', producers });
    expect(() => domain.addDataProduct('Orders', { contract: ordersContract() })).toThrow(
      'producers grants inside account 222222222222 only, got arn:aws:iam::444444444444:role/etl of account 444444444444; share with other accounts through the governance account (ContractGrant) [LM365]',
    );
  });

  test('the grantee is a whole account', () => {
    const { product: p } = product();
    expect(() => p.grantWrite(new iam.AccountPrincipal(DOMAIN_ACCOUNT))).toThrow(
      /^grantWrite needs an iam role or user, got .*; lake formation grants name exactly one role or user, never an account, service or wildcard \[LM364\]$/,
    );
  });

  test('the grantee is a service', () => {
    const { product: p } = product();
    expect(() => p.grantRead(new iam.ServicePrincipal('glue.amazonaws.com'))).toThrow(
      'grantRead needs an iam role or user, got ServicePrincipal(glue.amazonaws.com); lake formation grants name exactly one role or user, never an account, service or wildcard [LM364]',
    );
  });

  test('the grantee is an ARN that is not a role or user', () => {
    const { product: p } = product();
    expect(() => p.grantRead(new iam.ArnPrincipal('IAM_ALLOWED_PRINCIPALS'))).toThrow(
      'grantRead needs an iam role or user, got ArnPrincipal(IAM_ALLOWED_PRINCIPALS) (IAM_ALLOWED_PRINCIPALS); lake formation grants name exactly one role or user, never an account, service or wildcard [LM364]',
    );
  });
});
