import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { IDataProduct } from '../../../constructs/data-product/data-product-ref';
import {
  addProductCatalog,
  ClassificationOrder,
  columnsByClassification,
  DEFAULT_CLASSIFICATION_ORDER,
} from '../../../constructs/data-product/product-catalog';
import { STORAGE_FORMATS } from '../../../constructs/data-product/storage-format';
import { DataContract } from '../../../lib/contract/model';
import { column, contract, partitionKey, table } from '../../support/contract-factory';
import { deploysAfter } from '../../support/deploy-order';

const ACCOUNT = '111111111111';

/** `internal` is used first, `confidential` sorts first; `note` is unclassified. */
const ORDERS = table(
  'orders',
  [
    column('order_id', { classification: 'internal' }),
    column('card_number', { classification: 'confidential' }),
    column('note'),
    column('amount', { classification: 'internal' }),
  ],
  [{ ...partitionKey('dt', 1, 'date'), classification: 'internal' }],
);

class Product extends Construct implements IDataProduct {
  readonly domainName = 'sales';
  readonly productName: string;
  readonly databaseName: string;
  readonly catalogId = ACCOUNT;
  readonly catalogRegion = 'eu-west-1';

  constructor(
    scope: Construct,
    id: string,
    readonly contract: DataContract,
  ) {
    super(scope, id);
    this.productName = contract.productSlug;
    this.databaseName = `sales_${contract.productSlug}`;
  }
}

type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] };

function build(classificationOrder?: ClassificationOrder) {
  const stack = new Stack(new App(), 'Catalog', { env: { account: ACCOUNT, region: 'eu-west-1' } });
  const placeholder = (id: string) => new CfnWaitConditionHandle(stack, id);
  const [registration, domainTag, productTag, classificationTag] = ['Registration', 'DomainTag', 'ProductTag', 'ClassificationTag'].map(placeholder);
  const product = new Product(stack, 'Orders', contract({ tables: [ORDERS, table('refunds', [column('refund_id')])] }));
  const catalog = addProductCatalog(product, {
    metadata: { product: 'sales.orders', contractId: 'urn:orders', contractVersion: '1.0.0', owner: 'sales@example.com' },
    format: STORAGE_FORMATS.parquet,
    databaseLocation: 's3://bucket/orders/',
    tableLocation: (contractTable) => `s3://bucket/orders/${contractTable.name}/`,
    locationRegistration: registration,
    tags: { domain: domainTag, product: productTag, classification: classificationTag },
    classificationOrder,
  });
  const resources = Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;
  return { stack, product, catalog, resources, ids: { registration, domainTag, productTag, classificationTag } };
}

function tagValuesInTemplateOrder(resources: Record<string, Resource>): unknown[] {
  return Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::LakeFormation::TagAssociation' && 'TableWithColumns' in (resource.Properties.Resource as object))
    .map((resource) => (resource.Properties.LFTags as { TagValues: string[] }[])[0].TagValues[0]);
}

describe('columnsByClassification', () => {
  test('groups columns by first use in the contract, partition keys last, unclassified columns left out', () => {
    expect(columnsByClassification(ORDERS, 'contract')).toEqual([
      ['internal', ['order_id', 'amount', 'dt']],
      ['confidential', ['card_number']],
    ]);
  });

  test('alphabetical order sorts the groups by classification name', () => {
    expect(columnsByClassification(ORDERS, 'alphabetical').map(([classification]) => classification)).toEqual(['confidential', 'internal']);
  });

  test('a table without classified columns has no groups', () => {
    expect(columnsByClassification(table('refunds', [column('refund_id')]), 'contract')).toEqual([]);
  });
});

describe('addProductCatalog', () => {
  test('creates the database, its tags and one table per contract table under the product', () => {
    const { product, catalog } = build();

    expect(catalog.database.node.path).toBe('Catalog/Orders/Resource');
    expect(product.node.tryFindChild('DatabaseTags')).toBeDefined();
    expect(catalog.tables.map((t) => [t.definition.name, t.scope.node.path, t.resource.node.path])).toEqual([
      ['orders', 'Catalog/Orders/Table-orders', 'Catalog/Orders/Table-orders/Resource'],
      ['refunds', 'Catalog/Orders/Table-refunds', 'Catalog/Orders/Table-refunds/Resource'],
    ]);
  });

  test('the database and the tables use the given locations', () => {
    const { resources } = build();
    const byType = (type: string) => Object.values(resources).filter((resource) => resource.Type === type);

    expect(byType('AWS::Glue::Database')[0].Properties.DatabaseInput).toMatchObject({
      Name: 'sales_orders',
      LocationUri: 's3://bucket/orders/',
      CreateTableDefaultPermissions: [],
    });
    expect(byType('AWS::Glue::Table').map((t) => (t.Properties.TableInput as { StorageDescriptor: { Location: string } }).StorageDescriptor.Location)).toEqual([
      's3://bucket/orders/orders/',
      's3://bucket/orders/refunds/',
    ]);
  });

  test('the database deploys after its location registration, the tag associations after their tags', () => {
    const { stack, catalog, product, resources, ids } = build();
    const id = (construct: Construct) => stack.resolve((construct as CfnWaitConditionHandle).logicalId) as string;
    const databaseId = id(catalog.database);

    expect(resources[databaseId].DependsOn).toEqual([id(ids.registration)]);
    expect(deploysAfter(resources, id(product.node.findChild('DatabaseTags')))).toEqual(expect.arrayContaining([databaseId, id(ids.domainTag), id(ids.productTag)]));
    const classificationTags = catalog.tables[0].scope.node.children.filter((child) => child.node.id.startsWith('ClassificationTags'));
    expect(classificationTags).toHaveLength(2);
    for (const association of classificationTags) {
      expect(deploysAfter(resources, id(association))).toEqual(expect.arrayContaining([id(catalog.tables[0].resource), id(ids.classificationTag)]));
    }
  });

  test(`classification tags follow the contract by default (${DEFAULT_CLASSIFICATION_ORDER})`, () => {
    expect(DEFAULT_CLASSIFICATION_ORDER).toBe('contract');
    expect(tagValuesInTemplateOrder(build().resources)).toEqual(['internal', 'confidential']);
  });

  test('alphabetical order sorts the classification tags', () => {
    expect(tagValuesInTemplateOrder(build('alphabetical').resources)).toEqual(['confidential', 'internal']);
  });
});
