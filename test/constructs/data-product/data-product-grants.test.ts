import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DataDomain } from '../../../constructs/domain/data-domain';
import { DataProduct } from '../../../constructs/data-product/data-product';
import { column, ordersContract, table } from '../../support/contract-factory';
import { DOMAIN_ACCOUNT, domainFixture, onlyLogicalId, REGION } from '../domain/domain-fixture';
import { deploysAfter } from '../../support/deploy-order';

const ETL_ARN = `arn:aws:iam::${DOMAIN_ACCOUNT}:role/sales-etl`;
const LOADER_ARN = `arn:aws:iam::${DOMAIN_ACCOUNT}:role/sales-loader`;

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };

function resources(template: Template): Record<string, Resource> {
  return template.toJSON().Resources;
}

function permissionsOf(template: Template, principal: unknown): Record<string, unknown>[] {
  return Object.values(template.findResources('AWS::LakeFormation::PrincipalPermissions'))
    .map((r) => r.Properties)
    .filter((p) => JSON.stringify(p.Principal) === JSON.stringify({ DataLakePrincipalIdentifier: principal }));
}

const database = { Database: { CatalogId: DOMAIN_ACCOUNT, Name: 'sales_orders' } };
const allTables = { Table: { CatalogId: DOMAIN_ACCOUNT, DatabaseName: 'sales_orders', TableWildcard: {} } };

function glueArn(resource: string): unknown {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:glue:${REGION}:${DOMAIN_ACCOUNT}:${resource}`]] };
}

const GLUE_READ = ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartition', 'glue:GetPartitions', 'glue:BatchGetPartition'];
const GLUE_WRITE = ['glue:CreatePartition', 'glue:BatchCreatePartition', 'glue:UpdatePartition', 'glue:DeletePartition', 'glue:BatchDeletePartition'];
const CATALOG_RESOURCES = [glueArn('catalog'), glueArn('database/sales_orders'), glueArn('table/sales_orders/*')];

function withProducers(arns: readonly string[], tables = ordersContract().tables): { stack: Stack; domain: DataDomain; template: Template } {
  const app = new App();
  const stack = new Stack(app, 'SalesDomain', { env: { account: DOMAIN_ACCOUNT, region: REGION } });
  const producers = arns.map((arn) => iam.Role.fromRoleArn(stack, arn.split('/')[1], arn));
  const domain = new DataDomain(stack, 'Domain', { meshName: 'retail', domainName: 'sales', producers });
  domain.addDataProduct('Orders', { contract: ordersContract({ tables }) });
  return { stack, domain, template: Template.fromStack(stack) };
}

describe('DataProduct producers', () => {
  const { template } = withProducers([ETL_ARN]);

  test('a producer may create and alter tables in the database, read and write every table, and use the location', () => {
    const bucketId = Object.keys(template.findResources('AWS::S3::Bucket', { Properties: { BucketName: `retail-sales-${DOMAIN_ACCOUNT}-${REGION}` } }))[0];
    expect(permissionsOf(template, ETL_ARN)).toEqual([
      { Catalog: DOMAIN_ACCOUNT, Principal: { DataLakePrincipalIdentifier: ETL_ARN }, Resource: database, Permissions: ['ALTER', 'CREATE_TABLE', 'DESCRIBE'], PermissionsWithGrantOption: [] },
      { Catalog: DOMAIN_ACCOUNT, Principal: { DataLakePrincipalIdentifier: ETL_ARN }, Resource: allTables, Permissions: ['ALTER', 'DELETE', 'DESCRIBE', 'INSERT', 'SELECT'], PermissionsWithGrantOption: [] },
      {
        Catalog: DOMAIN_ACCOUNT,
        Principal: { DataLakePrincipalIdentifier: ETL_ARN },
        Resource: { DataLocation: { CatalogId: DOMAIN_ACCOUNT, ResourceArn: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/orders']] } } },
        Permissions: ['DATA_LOCATION_ACCESS'],
        PermissionsWithGrantOption: [],
      },
    ]);
  });

  test('a producer gets the IAM side Lake Formation needs: data access and the catalog of its product', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: ['sales-etl'],
      PolicyDocument: {
        Statement: [
          { Action: 'lakeformation:GetDataAccess', Effect: 'Allow', Resource: '*' },
          { Action: [...GLUE_READ, ...GLUE_WRITE, 'glue:CreateTable', 'glue:UpdateTable'], Effect: 'Allow', Resource: CATALOG_RESOURCES },
        ],
      },
    });
  });

  test('the data location grant waits for the location registration', () => {
    const all = resources(template);
    const registration = onlyLogicalId(template, 'AWS::LakeFormation::Resource');
    const location = Object.keys(all).find((id) => JSON.stringify(all[id].Properties?.Resource ?? '').includes('DataLocation'))!;
    expect(deploysAfter(all, location)).toContain(registration);
  });

  test('the table grant waits for the tables', () => {
    const all = resources(template);
    const tableGrant = Object.keys(all).find((id) => JSON.stringify(all[id].Properties?.Resource ?? '').includes('TableWildcard'))!;
    const tables = Object.keys(template.findResources('AWS::Glue::Table'));
    expect(deploysAfter(all, tableGrant)).toEqual(expect.arrayContaining(tables));
  });
});

describe('DataProduct.grantRead / grantWrite', () => {
  function withProduct(): { stack: Stack; product: DataProduct } {
    const { stack, domain } = domainFixture();
    return { stack, product: domain.addDataProduct('Orders', { contract: ordersContract() }) };
  }

  test('grantRead gives a role of the account DESCRIBE on the database and SELECT on every table, plus the IAM side', () => {
    const { stack, product } = withProduct();
    const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
    const grant = product.grantRead(reader);
    const template = Template.fromStack(stack);
    const readerArn = { 'Fn::GetAtt': [Object.keys(template.findResources('AWS::IAM::Role')).find((id) => id.startsWith('Reader')), 'Arn'] };
    expect(grant.success).toBe(true);
    expect(permissionsOf(template, readerArn)).toEqual([
      { Catalog: DOMAIN_ACCOUNT, Principal: { DataLakePrincipalIdentifier: readerArn }, Resource: database, Permissions: ['DESCRIBE'], PermissionsWithGrantOption: [] },
      { Catalog: DOMAIN_ACCOUNT, Principal: { DataLakePrincipalIdentifier: readerArn }, Resource: allTables, Permissions: ['DESCRIBE', 'SELECT'], PermissionsWithGrantOption: [] },
    ]);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Action: 'lakeformation:GetDataAccess', Effect: 'Allow', Resource: '*' },
          { Action: GLUE_READ, Effect: 'Allow', Resource: CATALOG_RESOURCES },
        ],
      },
    });
  });

  test('grantWrite gives INSERT and DELETE on every table, plus the partition actions', () => {
    const { stack, product } = withProduct();
    product.grantWrite(iam.Role.fromRoleArn(stack, 'Loader', LOADER_ARN));
    const template = Template.fromStack(stack);
    expect(permissionsOf(template, LOADER_ARN)).toEqual([
      { Catalog: DOMAIN_ACCOUNT, Principal: { DataLakePrincipalIdentifier: LOADER_ARN }, Resource: database, Permissions: ['DESCRIBE'], PermissionsWithGrantOption: [] },
      { Catalog: DOMAIN_ACCOUNT, Principal: { DataLakePrincipalIdentifier: LOADER_ARN }, Resource: allTables, Permissions: ['DELETE', 'DESCRIBE', 'INSERT'], PermissionsWithGrantOption: [] },
    ]);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: ['sales-loader'],
      PolicyDocument: {
        Statement: [
          { Action: 'lakeformation:GetDataAccess', Effect: 'Allow', Resource: '*' },
          { Action: [...GLUE_READ, ...GLUE_WRITE], Effect: 'Allow', Resource: CATALOG_RESOURCES },
        ],
      },
    });
  });

  test('grants to the same principal merge into one resource per (principal, resource) pair', () => {
    const { stack, product } = withProduct();
    const loader = iam.Role.fromRoleArn(stack, 'Loader', LOADER_ARN);
    product.grantRead(loader);
    product.grantWrite(loader);
    const template = Template.fromStack(stack);
    expect(permissionsOf(template, LOADER_ARN).map((p) => [Object.keys(p.Resource as object)[0], p.Permissions])).toEqual([
      ['Database', ['DESCRIBE']],
      ['Table', ['DELETE', 'DESCRIBE', 'INSERT', 'SELECT']],
    ]);
  });

  test('grantReadWrite is both', () => {
    const { stack, product } = withProduct();
    product.grantReadWrite(iam.User.fromUserArn(stack, 'Analyst', `arn:aws:iam::${DOMAIN_ACCOUNT}:user/analyst`));
    const template = Template.fromStack(stack);
    expect(permissionsOf(template, `arn:aws:iam::${DOMAIN_ACCOUNT}:user/analyst`).map((p) => p.Permissions)).toEqual([
      ['DESCRIBE'],
      ['DELETE', 'DESCRIBE', 'INSERT', 'SELECT'],
    ]);
  });
});

describe('DataProduct grants never widen', () => {
  const { stack, domain } = domainFixture({ producers: [] });
  const product = domain.addDataProduct('Orders', { contract: ordersContract() });
  product.grantRead(iam.Role.fromRoleArn(stack, 'Reader', `arn:aws:iam::${DOMAIN_ACCOUNT}:role/reader`));
  product.grantWrite(iam.Role.fromRoleArn(stack, 'Writer', `arn:aws:iam::${DOMAIN_ACCOUNT}:role/writer`));
  const template = Template.fromStack(stack);
  const permissions = Object.values(template.findResources('AWS::LakeFormation::PrincipalPermissions')).map((r) => r.Properties);

  test('no permission resource names IAM_ALLOWED_PRINCIPALS', () => {
    expect(permissions.length).toBeGreaterThan(0);
    expect(JSON.stringify(template.toJSON())).not.toContain('IAM_ALLOWED_PRINCIPALS');
  });

  test('no grant carries a grant option', () => {
    for (const p of permissions) expect(p.PermissionsWithGrantOption).toEqual([]);
  });

  test('no legacy AWS::LakeFormation::Permissions resource is used', () => {
    template.resourceCountIs('AWS::LakeFormation::Permissions', 0);
  });
});

describe('DataProduct logical ids', () => {
  const ordersTable = table('orders', [column('order_id'), column('email', { classification: 'restricted' })]);
  const refundsTable = table('refunds', [column('refund_id', { classification: 'internal' })]);

  test('reordering contract tables and producers changes no logical id', () => {
    const first = withProducers([ETL_ARN, LOADER_ARN], [ordersTable, refundsTable]).template;
    const second = withProducers([LOADER_ARN, ETL_ARN], [refundsTable, ordersTable]).template;
    const idsAndProperties = (template: Template) =>
      Object.fromEntries(Object.entries(resources(template)).map(([id, r]) => [id, r.Properties]));
    expect(Object.keys(resources(first)).sort()).toEqual(Object.keys(resources(second)).sort());
    expect(idsAndProperties(second)).toEqual(idsAndProperties(first));
  });

  test('adding a producer leaves the logical ids of the other grants alone', () => {
    const grantIds = (template: Template) => Object.keys(template.findResources('AWS::LakeFormation::PrincipalPermissions'));
    const before = grantIds(withProducers([ETL_ARN]).template);
    const after = grantIds(withProducers([LOADER_ARN, ETL_ARN]).template);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after).toHaveLength(before.length * 2);
  });
});

describe('Lake Formation writes of a domain stack', () => {
  test('lake formation writes on one principal or one catalog object never deploy at the same time', () => {
    const { template } = withProducers([ETL_ARN, LOADER_ARN]);
    const all = resources(template);
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      (all[from].DependsOn ?? []).some((next) => next === to || (!seen.has(next) && seen.add(next) && reaches(next, to, seen)));
    const ordered = (a: string, b: string) => reaches(a, b) || reaches(b, a);
    const grants = Object.keys(all).filter((id) => all[id].Type === 'AWS::LakeFormation::PrincipalPermissions');
    type LakeFormationWrite = { Principal?: unknown; Resource: { Database?: unknown; Table?: { TableWildcard?: unknown } } };
    const properties = (id: string) => all[id].Properties as LakeFormationWrite;
    const principal = (id: string) => JSON.stringify(properties(id).Principal);
    const onDatabase = (id: string) => properties(id).Resource.Database !== undefined || properties(id).Resource.Table?.TableWildcard !== undefined;
    const databaseTags = Object.keys(all).filter(
      (id) => all[id].Type === 'AWS::LakeFormation::TagAssociation' && properties(id).Resource.Database !== undefined,
    );
    expect(grants.length).toBeGreaterThan(4);
    expect(databaseTags).toHaveLength(1);
    for (const a of grants) {
      for (const b of grants) {
        if (a !== b && principal(a) === principal(b)) expect({ a, b, ordered: ordered(a, b) }).toEqual({ a, b, ordered: true });
      }
      if (onDatabase(a)) expect({ a, ordered: ordered(a, databaseTags[0]) }).toEqual({ a, ordered: true });
    }
  });
});
