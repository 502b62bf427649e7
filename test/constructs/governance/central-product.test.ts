import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as glue from 'aws-cdk-lib/aws-glue';
import { CentralProduct, CentralProductProps } from '../../../constructs/governance/central-product';
import { LfTagOntology } from '../../../constructs/governance/lf-tag-ontology';
import { ProducerRegistration } from '../../../constructs/governance/producer-registration';
import { DataContract } from '../../../lib/contract/model';
import { LakemeshError } from '../../../lib/errors';
import { column, contract, partitionKey, role, table } from '../../support/contract-factory';
import { deploysAfter } from '../../support/deploy-order';

const GOVERNANCE = '111111111111';
const BUCKET = 'retail-sales-222222222222-eu-west-1';

/** Orders (classified columns, a partition key, one unclassified column) and refunds. */
function ordersContract(overrides: Partial<DataContract> = {}): DataContract {
  return contract({
    description: { purpose: 'Every confirmed order.' },
    tables: [
      table(
        'orders',
        [
          column('order_id', { classification: 'internal' }),
          column('customer_email', { classification: 'restricted' }),
          column('amount', { type: 'decimal(10,2)', classification: 'internal' }),
          column('note'),
        ],
        [{ ...partitionKey('dt', 1, 'date'), classification: 'internal' }],
      ),
      table('refunds', [column('refund_id', { classification: 'internal' })]),
    ],
    roles: [role('analyst')],
    ...overrides,
  });
}

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[]; Metadata?: Record<string, unknown> };

function build(props: Partial<CentralProductProps> = {}, prefixes: string[] = ['orders']) {
  const stack = new Stack(new App(), 'Governance', { env: { account: GOVERNANCE, region: 'eu-west-1' } });
  const tags = new LfTagOntology(stack, 'Tags', {
    tags: { classification: ['public', 'internal', 'confidential', 'restricted'], domain: ['sales'], product: ['orders'] },
  });
  const registration = new ProducerRegistration(stack, 'Registration', {
    meshName: 'retail',
    domainName: 'sales',
    producerAccount: '222222222222',
    bucketName: BUCKET,
    productPrefixes: prefixes,
  });
  const product = new CentralProduct(stack, 'Orders', {
    contract: ordersContract(),
    domainName: 'sales',
    owner: 'sales-data@example.com',
    registration,
    tags,
    ...props,
  });
  const resources = () => Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;
  return { stack, product, tags, registration, resources };
}

const ofType = (resources: Record<string, Resource>, type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);

describe('CentralProduct', () => {
  test('describes the product as a data product of the governance catalog', () => {
    const { product } = build();
    expect({
      domainName: product.domainName,
      productName: product.productName,
      qualifiedName: product.qualifiedName,
      databaseName: product.databaseName,
      catalogId: product.catalogId,
      catalogRegion: product.catalogRegion,
    }).toEqual({
      domainName: 'sales',
      productName: 'orders',
      qualifiedName: 'sales.orders',
      databaseName: 'sales_orders',
      catalogId: GOVERNANCE,
      catalogRegion: 'eu-west-1',
    });
  });

  test('creates the database <domain>_<product> on the producer prefix, with no default permissions for new tables', () => {
    const { resources, stack, product, registration } = build();
    const [[, database]] = ofType(resources(), 'AWS::Glue::Database');
    expect(database.Properties).toEqual({
      CatalogId: GOVERNANCE,
      DatabaseInput: {
        Name: 'sales_orders',
        Description: 'Every confirmed order.',
        LocationUri: `s3://${BUCKET}/orders/`,
        CreateTableDefaultPermissions: [],
        Parameters: { 'lakemesh.contractId': 'orders-contract', 'lakemesh.contractVersion': '1.2.0' },
      },
    });
    expect(database.DependsOn).toContain(stack.getLogicalId(registration.location('orders')));
    expect(stack.getLogicalId(product.database)).toBeDefined();
  });

  test("records the product and its contract on the database and tables, with the domain's owner when the contract names none", () => {
    const { resources } = build();
    const catalog = [...ofType(resources(), 'AWS::Glue::Database'), ...ofType(resources(), 'AWS::Glue::Table')];
    expect(catalog).toHaveLength(3);
    for (const [, resource] of catalog) {
      expect(resource.Metadata?.['lakemesh:product']).toEqual({
        product: 'sales.orders',
        contractId: 'orders-contract',
        contractVersion: '1.2.0',
        owner: 'sales-data@example.com',
      });
    }
  });

  test('the contract owner wins over the domain owner', () => {
    const { resources } = build({ contract: ordersContract({ owner: 'orders-team' }) });
    const [[, orders]] = ofType(resources(), 'AWS::Glue::Table');
    expect((orders.Properties.TableInput as { Parameters: Record<string, string> }).Parameters['lakemesh.owner']).toBe('orders-team');
  });

  test('creates one table per contract table, in contract order, in the producer prefix, after the database', () => {
    const { resources, stack, product } = build();
    const tables = ofType(resources(), 'AWS::Glue::Table');
    expect(product.tables.map((resource) => (resource.tableInput as glue.CfnTable.TableInputProperty).name)).toEqual(['orders', 'refunds']);
    const byName = Object.fromEntries(tables.map(([, resource]) => [(resource.Properties.TableInput as { Name: string }).Name, resource]));
    expect(Object.keys(byName).sort()).toEqual(['orders', 'refunds']);
    const orders = byName.orders;
    expect(orders.Properties).toMatchObject({
      CatalogId: GOVERNANCE,
      DatabaseName: 'sales_orders',
      TableInput: {
        Name: 'orders',
        TableType: 'EXTERNAL_TABLE',
        PartitionKeys: [{ Name: 'dt', Type: 'date' }],
        StorageDescriptor: {
          Location: `s3://${BUCKET}/orders/orders/`,
          Columns: [
            { Name: 'order_id', Type: 'string' },
            { Name: 'customer_email', Type: 'string' },
            { Name: 'amount', Type: 'decimal(10,2)' },
            { Name: 'note', Type: 'string' },
          ],
        },
        Parameters: {
          'lakemesh.contractId': 'orders-contract',
          'lakemesh.contractVersion': '1.2.0',
          'lakemesh.status': 'active',
          'lakemesh.classification.customer_email': 'restricted',
        },
      },
    });
    expect((byName.refunds.Properties.TableInput as { StorageDescriptor: { Location: string } }).StorageDescriptor.Location).toBe(`s3://${BUCKET}/orders/refunds/`);
    for (const [id] of tables) expect(deploysAfter(resources(), id)).toContain(stack.getLogicalId(product.database));
  });

  test('tags the database with its domain and product, after the database and those tags', () => {
    const { resources, stack, product, tags } = build();
    const associations = ofType(resources(), 'AWS::LakeFormation::TagAssociation').filter(([, resource]) => (resource.Properties.Resource as Record<string, unknown>).Database);
    expect(associations.map(([, resource]) => resource.Properties)).toEqual([
      {
        Resource: { Database: { CatalogId: GOVERNANCE, Name: 'sales_orders' } },
        LFTags: [
          { CatalogId: GOVERNANCE, TagKey: 'domain', TagValues: ['sales'] },
          { CatalogId: GOVERNANCE, TagKey: 'product', TagValues: ['orders'] },
        ],
      },
    ]);
    expect(deploysAfter(resources(), associations[0][0])).toEqual(
      expect.arrayContaining([stack.getLogicalId(product.database), stack.getLogicalId(tags.tag('domain')), stack.getLogicalId(tags.tag('product'))]),
    );
  });

  test('tags the classified columns, partition keys included, one association per classification; unclassified columns stay untagged', () => {
    const { resources, stack, tags } = build();
    const all = resources();
    const withIds = ofType(all, 'AWS::LakeFormation::TagAssociation').filter(([, resource]) => (resource.Properties.Resource as Record<string, unknown>).TableWithColumns);
    const associations = withIds.map(([, resource]) => resource);
    const summary = associations
      .map((resource) => {
        const columns = (resource.Properties.Resource as { TableWithColumns: { Name: string; ColumnNames: string[]; CatalogId: string; DatabaseName: string } }).TableWithColumns;
        const [tag] = resource.Properties.LFTags as { TagKey: string; TagValues: string[]; CatalogId: string }[];
        return `${columns.CatalogId}:${columns.DatabaseName}.${columns.Name} ${tag.TagKey}=${tag.TagValues.join(',')} [${columns.ColumnNames.join(',')}]`;
      })
      .sort();
    expect(summary).toEqual([
      `${GOVERNANCE}:sales_orders.orders classification=internal [order_id,amount,dt]`,
      `${GOVERNANCE}:sales_orders.orders classification=restricted [customer_email]`,
      `${GOVERNANCE}:sales_orders.refunds classification=internal [refund_id]`,
    ]);
    for (const [id] of withIds) expect(deploysAfter(all, id)).toContain(stack.getLogicalId(tags.tag('classification')));
  });

  test('never writes two tag associations of one table at once (Lake Formation refuses concurrent writes)', () => {
    const { resources } = build();
    const onOrders = ofType(resources(), 'AWS::LakeFormation::TagAssociation').filter(
      ([, resource]) => (resource.Properties.Resource as { TableWithColumns?: { Name: string } }).TableWithColumns?.Name === 'orders',
    );
    expect(onOrders).toHaveLength(2);
    const [[firstId, first], [secondId, second]] = onOrders;
    const ordered = (first.DependsOn ?? []).includes(secondId) || (second.DependsOn ?? []).includes(firstId);
    expect(ordered).toBe(true);
  });

  test('cuts a database description to the 2048 characters Glue accepts', () => {
    const { resources } = build({ contract: ordersContract({ description: { purpose: 'x'.repeat(3000) } }) });
    const [[, database]] = ofType(resources(), 'AWS::Glue::Database');
    const description = (database.Properties.DatabaseInput as { Description: string }).Description;
    expect(description).toHaveLength(2048);
    expect(description.endsWith('…')).toBe(true);
  });

  test('fails for a contract without tables', () => {
    let error: unknown;
    try {
      build({ contract: ordersContract({ tables: [] }) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LakemeshError);
    expect((error as LakemeshError).problems.map(({ code, path, message }) => ({ code, path, message }))).toEqual([
      {
        code: 'LM161',
        path: 'schema',
        message: 'contract "orders-contract" defines no tables, so there is nothing to provision; add a schema object with physicalType: table and its properties',
      },
    ]);
  });

  test('fails when the registration does not cover the product prefix', () => {
    expect(() => build({}, ['returns'])).toThrow(`product prefix orders of bucket ${BUCKET} is not registered`);
  });
});
