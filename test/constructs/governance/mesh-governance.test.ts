import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ContractGrant } from '../../../constructs/grants/contract-grant';
import { DEFAULT_SHARING_MODEL, GovernedDomain, MeshGovernance, MeshGovernanceProps } from '../../../constructs/governance/mesh-governance';
import { DataContract } from '../../../lib/contract/model';
import { LakemeshError } from '../../../lib/errors';
import { column, contract, role, table } from '../../support/contract-factory';

const GOVERNANCE = '111111111111';
const ANALYST = 'arn:aws:iam::444444444444:role/analyst';

function productContract(domain: string, slug: string, overrides: Partial<DataContract> = {}): DataContract {
  return contract({
    id: `${domain}-${slug}`,
    domain,
    dataProduct: slug,
    productSlug: slug,
    tables: [table(slug, [column('id', { classification: 'internal' }), column('email', { classification: 'restricted' })])],
    roles: [role('reader')],
    ...overrides,
  });
}

const SALES: GovernedDomain = {
  name: 'sales',
  account: '222222222222',
  owner: 'sales@example.com',
  contracts: [productContract('sales', 'orders'), productContract('sales', 'daily_revenue')],
};
const CUSTOMERS: GovernedDomain = { name: 'customers', account: '333333333333', owner: 'customers@example.com', contracts: [productContract('customers', 'orders')] };

function build(props: Partial<MeshGovernanceProps> = {}) {
  const stack = new Stack(new App(), 'Governance', { env: { account: GOVERNANCE, region: 'eu-west-1' } });
  const governance = new MeshGovernance(stack, 'Governance', { meshName: 'retail', region: 'eu-west-1', domains: [SALES, CUSTOMERS], ...props });
  return { stack, governance, template: () => Template.fromStack(stack) };
}

function errorOf(action: () => unknown): LakemeshError {
  try {
    action();
  } catch (error) {
    if (error instanceof LakemeshError) return error;
    throw error;
  }
  throw new Error('expected a LakemeshError');
}

const grantOptions = {
  consumer: { name: 'marketing', principals: [ANALYST] },
  role: 'reader',
  purpose: 'campaign attribution',
  requestedBy: 'ana@example.com',
  approvedBy: 'dpo@example.com',
  today: '2026-12-01',
};

describe('MeshGovernance', () => {
  test('shares through the central catalog by default', () => {
    expect(DEFAULT_SHARING_MODEL).toBe('central-catalog');
    const { governance, template } = build();
    expect(governance.sharing).toBe('central-catalog');
    template().resourceCountIs('AWS::Glue::Database', 3);
  });

  test('tags: the default classification ontology, every domain, and every product slug once, sorted', () => {
    const tags = Object.values(build().template().findResources('AWS::LakeFormation::Tag')).map((tag) => [tag.Properties.TagKey, tag.Properties.TagValues]);
    expect(tags).toEqual([
      ['classification', ['public', 'internal', 'confidential', 'restricted']],
      ['domain', ['customers', 'sales']],
      ['product', ['daily_revenue', 'orders']],
    ]);
  });

  test('tags: a given ontology replaces the default classification values and adds its keys', () => {
    const { template } = build({ tags: { classification: ['open', 'secret'], region: ['emea'] } });
    const tags = Object.values(template().findResources('AWS::LakeFormation::Tag')).map((tag) => [tag.Properties.TagKey, tag.Properties.TagValues]);
    expect(tags).toEqual([
      ['classification', ['open', 'secret']],
      ['domain', ['customers', 'sales']],
      ['product', ['daily_revenue', 'orders']],
      ['region', ['emea']],
    ]);
  });

  test('registers each domain bucket <mesh>-<domain>-<account>-<region> with its own registration role', () => {
    const { template } = build();
    const roles = Object.values(template().findResources('AWS::IAM::Role')).map((resource) => resource.Properties.RoleName).filter(Boolean);
    expect(roles.sort()).toEqual(['retail-customers-registration', 'retail-sales-registration']);
    const arns = JSON.stringify(Object.values(template().findResources('AWS::LakeFormation::Resource')).map((resource) => resource.Properties.ResourceArn));
    for (const location of ['retail-sales-222222222222-eu-west-1/daily_revenue', 'retail-sales-222222222222-eu-west-1/orders', 'retail-customers-333333333333-eu-west-1/orders']) {
      expect(arns).toContain(location);
    }
    template().resourceCountIs('AWS::LakeFormation::Resource', 3);
  });

  test('products: one central product per contract, sorted by domain and product, found by qualified name', () => {
    const { governance } = build();
    expect(governance.products.map((product) => product.qualifiedName)).toEqual(['customers.orders', 'sales.daily_revenue', 'sales.orders']);
    expect(governance.product('sales.orders').databaseName).toBe('sales_orders');
    expect(governance.product('customers.orders').catalogId).toBe(GOVERNANCE);
  });

  test('the order domains and contracts are given in changes nothing in the template', () => {
    const forward = build().template().toJSON();
    const reversed = build({
      domains: [{ ...CUSTOMERS }, { ...SALES, contracts: [...SALES.contracts].reverse() }].reverse(),
    })
      .template()
      .toJSON();
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(forward));
  });

  test('product() fails for a product the central catalog does not hold, with a suggestion', () => {
    const { governance } = build();
    expect(errorOf(() => governance.product('sales.ordres')).problems).toEqual([
      { code: 'LM422', path: '', message: 'the central catalog has no product "sales.ordres"; did you mean "sales.orders"?' },
    ]);
  });

  test('two contracts of one domain with one product slug fail', () => {
    const twice: GovernedDomain = { ...SALES, contracts: [productContract('sales', 'orders'), productContract('sales', 'orders', { id: 'other' })] };
    expect(errorOf(() => build({ domains: [twice] })).problems).toEqual([
      { code: 'LM423', path: '', message: 'product sales.orders is described by two contracts; give one of them another dataProduct' },
    ]);
  });

  test('grant() grants a consumer a contract role on a central product, from the governance catalog', () => {
    const { governance, template } = build();
    const grant = governance.grant({ ...grantOptions, product: 'sales.orders' });
    expect(grant).toBeInstanceOf(ContractGrant);
    expect(grant.node.id).toBe('Grant-sales.orders-marketing-reader');
    expect(grant.tables.map((access) => [access.table, access.columns])).toEqual([['orders', ['id']]]);
    template().hasResourceProperties('AWS::LakeFormation::PrincipalPermissions', {
      Catalog: GOVERNANCE,
      Principal: { DataLakePrincipalIdentifier: ANALYST },
      Resource: { TableWithColumns: { CatalogId: GOVERNANCE, DatabaseName: 'sales_orders', Name: 'orders', ColumnNames: ['id'] } },
      Permissions: ['SELECT'],
    });
  });

  test('grant() fails for an unknown product', () => {
    const { governance } = build();
    expect(errorOf(() => governance.grant({ ...grantOptions, product: 'sales.returns' })).problems.map((problem) => problem.code)).toEqual(['LM422']);
  });

  test('passes its admins and cross-account version to the Lake Formation settings', () => {
    const stack = new Stack(new App(), 'Governance', { env: { account: GOVERNANCE, region: 'eu-west-1' } });
    const admin = iam.Role.fromRoleArn(stack, 'Admin', `arn:aws:iam::${GOVERNANCE}:role/platform-admin`);
    new MeshGovernance(stack, 'Governance', { meshName: 'retail', region: 'eu-west-1', domains: [SALES], admins: [admin], crossAccountVersion: 5 });
    Template.fromStack(stack).hasResourceProperties('Custom::LakemeshDataLakeSettings', {
      Admins: [`arn:aws:iam::${GOVERNANCE}:role/platform-admin`],
      CrossAccountVersion: '5',
    });
  });

  describe('with producer-direct sharing', () => {
    test('keeps the tag ontology and the Lake Formation settings only: no registration, no central catalog', () => {
      const { governance, template } = build({ sharing: 'producer-direct' });
      expect(governance.sharing).toBe('producer-direct');
      expect(governance.products).toEqual([]);
      const types = Object.values(template().toJSON().Resources as Record<string, { Type: string }>).map((resource) => resource.Type);
      expect(types.filter((type) => type.startsWith('AWS::Glue::') || type.startsWith('AWS::LakeFormation::'))).toEqual([
        'AWS::LakeFormation::Tag',
        'AWS::LakeFormation::Tag',
        'AWS::LakeFormation::Tag',
      ]);
      expect(types).toContain('Custom::LakemeshDataLakeSettings');
      template().resourcePropertiesCountIs('AWS::IAM::Role', { RoleName: 'retail-sales-registration' }, 0);
    });

    test('product() explains that the central catalog holds no products', () => {
      const { governance } = build({ sharing: 'producer-direct' });
      expect(errorOf(() => governance.product('sales.orders')).problems).toEqual([
        { code: 'LM422', path: '', message: 'the central catalog has no product "sales.orders"; with producer-direct sharing the central catalog holds no products' },
      ]);
    });
  });
});
