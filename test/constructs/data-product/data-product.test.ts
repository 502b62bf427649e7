import { App, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { DataDomain } from '../../../constructs/domain/data-domain';
import { DataProduct } from '../../../constructs/data-product/data-product';
import { ContractTable, QualityRule } from '../../../lib/contract/model';
import { COLUMN_CLASSIFICATION_PARAMETER, PRODUCT_METADATA_KEY } from '../../../lib/grants/grant-metadata';
import { compileRuleset } from '../../../lib/quality';
import { column, contract, ordersContract, partitionKey, table, TEST_LOCATION } from '../../support/contract-factory';
import { DOMAIN_ACCOUNT, domainFixture, logicalIds, REGION } from '../domain/domain-fixture';

function productTemplate(overrides: Parameters<typeof ordersContract>[0] = {}): { template: Template; product: DataProduct; stack: Stack } {
  const { stack, domain } = domainFixture();
  const product = domain.addDataProduct('Orders', { contract: ordersContract(overrides) });
  return { template: Template.fromStack(stack), product, stack };
}

function dataBucketId(template: Template): string {
  const buckets = template.findResources('AWS::S3::Bucket');
  return Object.keys(buckets).find((id) => buckets[id].Properties.BucketName !== undefined)!;
}

/** `s3://<data bucket>/<key>` as the template writes it. */
function s3Url(template: Template, key: string): unknown {
  return { 'Fn::Join': ['', ['s3://', { Ref: dataBucketId(template) }, `/${key}`]] };
}

function tableInput(template: Template, name: string): Record<string, unknown> {
  const tables = Object.values(template.findResources('AWS::Glue::Table')).filter((t) => t.Properties.TableInput.Name === name);
  if (tables.length !== 1) throw new Error(`expected one table ${name}, found ${tables.length}`);
  return tables[0].Properties.TableInput;
}

const textRule: QualityRule = { type: 'text', description: 'orders look plausible', arguments: {}, location: TEST_LOCATION };

describe('DataProduct catalog', () => {
  const { template, product } = productTemplate({ description: { purpose: 'every order placed online' }, owner: 'sales-data@example.com' });

  test('creates the Glue database <domain>_<product> on the product prefix, with no default permissions', () => {
    template.resourceCountIs('AWS::Glue::Database', 1);
    template.hasResourceProperties('AWS::Glue::Database', {
      CatalogId: DOMAIN_ACCOUNT,
      DatabaseInput: {
        Name: 'sales_orders',
        Description: 'every order placed online',
        LocationUri: s3Url(template, 'orders/'),
        CreateTableDefaultPermissions: [],
      },
    });
  });

  test('exposes what IDataProduct promises', () => {
    expect(product.domainName).toBe('sales');
    expect(product.productName).toBe('orders');
    expect(product.qualifiedName).toBe('sales.orders');
    expect(product.databaseName).toBe('sales_orders');
    expect(product.catalogId).toBe(DOMAIN_ACCOUNT);
    expect(product.catalogRegion).toBe(REGION);
    expect(product.s3Prefix).toBe('orders');
  });

  test('database and tables carry the product metadata', () => {
    const metadata = { product: 'sales.orders', contractId: 'orders-contract', contractVersion: '1.2.0', owner: 'sales-data@example.com' };
    template.hasResource('AWS::Glue::Database', { Metadata: { [PRODUCT_METADATA_KEY]: metadata } });
    const tables = template.findResources('AWS::Glue::Table');
    expect(Object.values(tables).map((t) => t.Metadata)).toEqual([{ [PRODUCT_METADATA_KEY]: metadata }, { [PRODUCT_METADATA_KEY]: metadata }]);
  });

  test('creates one Glue table per contract table with columns, types and partition keys', () => {
    template.resourceCountIs('AWS::Glue::Table', 2);
    expect(tableInput(template, 'orders')).toMatchObject({
      TableType: 'EXTERNAL_TABLE',
      PartitionKeys: [{ Name: 'dt', Type: 'string' }],
      StorageDescriptor: {
        Columns: [
          { Name: 'order_id', Type: 'string' },
          { Name: 'customer_email', Type: 'string' },
          { Name: 'amount', Type: 'decimal(10,2)' },
          { Name: 'items', Type: 'array<struct<sku:string,qty:int>>' },
          { Name: 'country', Type: 'string' },
        ],
      },
    });
    expect(tableInput(template, 'refunds')).toMatchObject({ PartitionKeys: [] });
  });

  test('tables live under the product prefix, one folder per table', () => {
    expect(tableInput(template, 'orders')).toMatchObject({ StorageDescriptor: { Location: s3Url(template, 'orders/orders/') } });
    expect(tableInput(template, 'refunds')).toMatchObject({ StorageDescriptor: { Location: s3Url(template, 'orders/refunds/') } });
  });

  test('tables are Parquet by default, with the Parquet SerDe and formats', () => {
    expect(tableInput(template, 'orders')).toMatchObject({
      StorageDescriptor: {
        InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
        OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
        SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe', Parameters: { 'serialization.format': '1' } },
      },
    });
  });

  test('table parameters carry the format classification, the contract and each column classification', () => {
    expect(tableInput(template, 'orders').Parameters).toEqual({
      classification: 'parquet',
      EXTERNAL: 'TRUE',
      'lakemesh.contractId': 'orders-contract',
      'lakemesh.contractVersion': '1.2.0',
      'lakemesh.owner': 'sales-data@example.com',
      'lakemesh.status': 'active',
      [`${COLUMN_CLASSIFICATION_PARAMETER}.customer_email`]: 'restricted',
    });
  });

  test('product.table(name) returns the Glue table, and names the tables when asked for another', () => {
    expect(product.table('orders').tableInput).toMatchObject({ name: 'orders' });
    expect(() => product.table('payments')).toThrow('product sales.orders has no table "payments"; its tables are orders, refunds [LM368]');
  });
});

describe('DataProduct columns', () => {
  test('column and partition key descriptions become comments, cut to the 255 characters Glue allows', () => {
    const long = 'x'.repeat(300);
    const described = table('orders', [{ ...column('order_id'), description: 'the order number' }, { ...column('note'), description: long }], [
      { ...partitionKey('dt', 1), description: 'day of the order' },
    ]);
    const { template } = productTemplate({ tables: [{ ...described, description: 'one row per order' }] });
    expect(tableInput(template, 'orders')).toMatchObject({
      Description: 'one row per order',
      PartitionKeys: [{ Name: 'dt', Type: 'string', Comment: 'day of the order' }],
      StorageDescriptor: {
        Columns: [
          { Name: 'order_id', Type: 'string', Comment: 'the order number' },
          { Name: 'note', Type: 'string', Comment: `${'x'.repeat(254)}…` },
        ],
      },
    });
  });
});

describe('DataProduct storage formats', () => {
  test('takes the format of the first server that declares one', () => {
    const { template } = productTemplate({
      servers: [
        { server: 'docs', type: 'custom' },
        { server: 'raw', type: 's3', format: 'CSV' },
        { server: 'curated', type: 's3', format: 'parquet' },
      ],
    });
    expect(tableInput(template, 'orders')).toMatchObject({
      Parameters: { classification: 'csv' },
      StorageDescriptor: {
        InputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
        OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
        SerdeInfo: {
          SerializationLibrary: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
          Parameters: { separatorChar: ',', quoteChar: '"', escapeChar: '\\' },
        },
      },
    });
  });

  test('json tables use the OpenX JSON SerDe', () => {
    const { template } = productTemplate({ servers: [{ server: 'lake', type: 's3', format: 'json' }] });
    expect(tableInput(template, 'orders')).toMatchObject({
      Parameters: { classification: 'json' },
      StorageDescriptor: { SerdeInfo: { SerializationLibrary: 'org.openx.data.jsonserde.JsonSerDe' } },
    });
  });
});

describe('DataProduct LF-Tags', () => {
  const { template } = productTemplate();

  test('tags the database with its domain and product', () => {
    template.hasResourceProperties('AWS::LakeFormation::TagAssociation', {
      Resource: { Database: { CatalogId: DOMAIN_ACCOUNT, Name: 'sales_orders' } },
      LFTags: [
        { CatalogId: DOMAIN_ACCOUNT, TagKey: 'domain', TagValues: ['sales'] },
        { CatalogId: DOMAIN_ACCOUNT, TagKey: 'product', TagValues: ['orders'] },
      ],
    });
  });

  test('tags each classified column with its classification, one association per table and value', () => {
    const { template: classified } = productTemplate({
      tables: [
        table('orders', [
          column('order_id', { classification: 'internal' }),
          column('customer_email', { classification: 'restricted' }),
          column('phone', { classification: 'restricted' }),
          column('note'),
        ], [{ ...partitionKey('dt', 1), classification: 'public' }]),
      ],
    });
    const associations = Object.values(classified.findResources('AWS::LakeFormation::TagAssociation'))
      .map((a) => a.Properties)
      .filter((p) => p.Resource.TableWithColumns);
    expect(associations).toEqual(
      expect.arrayContaining([
        {
          Resource: { TableWithColumns: { CatalogId: DOMAIN_ACCOUNT, DatabaseName: 'sales_orders', Name: 'orders', ColumnNames: ['customer_email', 'phone'] } },
          LFTags: [{ CatalogId: DOMAIN_ACCOUNT, TagKey: 'classification', TagValues: ['restricted'] }],
        },
        {
          Resource: { TableWithColumns: { CatalogId: DOMAIN_ACCOUNT, DatabaseName: 'sales_orders', Name: 'orders', ColumnNames: ['order_id'] } },
          LFTags: [{ CatalogId: DOMAIN_ACCOUNT, TagKey: 'classification', TagValues: ['internal'] }],
        },
        {
          Resource: { TableWithColumns: { CatalogId: DOMAIN_ACCOUNT, DatabaseName: 'sales_orders', Name: 'orders', ColumnNames: ['dt'] } },
          LFTags: [{ CatalogId: DOMAIN_ACCOUNT, TagKey: 'classification', TagValues: ['public'] }],
        },
      ]),
    );
    expect(associations).toHaveLength(3);
  });

  test('associations wait for the tags they use and the resources they tag', () => {
    const resources = template.toJSON().Resources as Record<string, { Type: string; DependsOn?: string[]; Properties: Record<string, never> }>;
    const id = (type: string, test: (p: Record<string, never>) => boolean) => Object.keys(resources).find((k) => resources[k].Type === type && test(resources[k].Properties))!;
    const tag = (key: string) => id('AWS::LakeFormation::Tag', (p) => p.TagKey === key);
    const databaseAssociation = id('AWS::LakeFormation::TagAssociation', (p) => 'Database' in p.Resource);
    expect(resources[databaseAssociation].DependsOn).toEqual(
      expect.arrayContaining([tag('domain'), tag('product'), logicalIds(template, 'AWS::Glue::Database')[0]]),
    );
    const ordersTable = id('AWS::Glue::Table', (p) => (p.TableInput as { Name: string }).Name === 'orders');
    const columnAssociation = id('AWS::LakeFormation::TagAssociation', (p) => JSON.stringify(p.Resource).includes('"Name":"orders"'));
    expect(resources[columnAssociation].DependsOn).toEqual(expect.arrayContaining([tag('classification'), ordersTable]));
  });
});

describe('DataProduct data quality', () => {
  const qualityTable: ContractTable = {
    ...table('orders', [column('order_id'), { ...column('amount', { type: 'decimal(10,2)' }), required: true }]),
    primaryKey: ['order_id'],
    quality: [textRule],
  };

  test('creates a ruleset per table holding the DQDL the contract implies, targeting that table', () => {
    const { template } = productTemplate({ tables: [qualityTable] });
    const expected = ['Rules = [', '  IsPrimaryKey "order_id",', '  IsComplete "amount"', ']'].join('\n');
    expect(compileRuleset(qualityTable, {}).ruleset).toBe(expected);
    template.resourceCountIs('AWS::Glue::DataQualityRuleset', 1);
    template.hasResourceProperties('AWS::Glue::DataQualityRuleset', {
      Name: 'sales_orders.orders',
      Ruleset: expected,
      TargetTable: { DatabaseName: 'sales_orders', TableName: 'orders' },
    });
  });

  test('a table whose contract implies no rule gets no ruleset', () => {
    const { template } = productTemplate();
    template.resourceCountIs('AWS::Glue::DataQualityRuleset', 0);
  });

  test('warns once per skipped rule with a stable id', () => {
    const { stack } = productTemplate({ tables: [qualityTable] });
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('data quality rule'));
    expect(warnings.map((w) => w.entry.data)).toEqual([
      expect.stringMatching(/^data quality rule schema\.orders\.quality\[0\] of contract orders-contract is not checked: text rules describe quality in prose .* \[LM401\] \[ack: lakemesh:dq-skipped-LM401\]$/),
    ]);
  });
});

describe('DataProduct retention', () => {
  function lifecycleRules(template: Template): unknown {
    return template.findResources('AWS::S3::Bucket')[dataBucketId(template)].Properties.LifecycleConfiguration;
  }

  test('the contract retention expires the product prefix, current and noncurrent versions', () => {
    const { template } = productTemplate({ sla: { retentionDays: 30 } });
    expect(lifecycleRules(template)).toEqual({
      Rules: [{ Id: 'retention-orders', Prefix: 'orders/', Status: 'Enabled', ExpirationInDays: 30, NoncurrentVersionExpiration: { NoncurrentDays: 7 } }],
    });
  });

  test('noncurrent versions never outlive a retention shorter than a week', () => {
    const { template } = productTemplate({ sla: { retentionDays: 3 } });
    expect(lifecycleRules(template)).toMatchObject({ Rules: [{ ExpirationInDays: 3, NoncurrentVersionExpiration: { NoncurrentDays: 3 } }] });
  });

  test('noncurrentVersionRetention sets how long noncurrent versions stay', () => {
    const { stack, domain } = domainFixture();
    domain.addDataProduct('Orders', { contract: ordersContract({ sla: { retentionDays: 365 } }), noncurrentVersionRetention: Duration.days(30) });
    expect(lifecycleRules(Template.fromStack(stack))).toMatchObject({ Rules: [{ ExpirationInDays: 365, NoncurrentVersionExpiration: { NoncurrentDays: 30 } }] });
  });

  test('a contract without retention leaves the data in place', () => {
    const { template } = productTemplate();
    expect(lifecycleRules(template)).toBeUndefined();
  });
});

describe('DataProduct in a stack of its own making', () => {
  test('a domain team builds a domain and a product by hand, without mesh.yaml', () => {
    const app = new App();
    const stack = new Stack(app, 'MarketingData', { env: { account: '333333333333', region: 'us-east-1' } });
    const domain = new DataDomain(stack, 'Marketing', { meshName: 'acme', domainName: 'marketing' });
    const campaigns = domain.addDataProduct('Campaigns', {
      contract: contract({ id: 'campaigns', domain: 'marketing', dataProduct: 'Campaign Results', productSlug: 'campaign_results', tables: [table('results', [column('campaign_id')])] }),
    });
    const template = Template.fromStack(stack);
    expect(campaigns.databaseName).toBe('marketing_campaign_results');
    template.hasResourceProperties('AWS::S3::Bucket', { BucketName: 'acme-marketing-333333333333-us-east-1' });
    template.hasResourceProperties('AWS::Glue::Table', { DatabaseName: 'marketing_campaign_results', TableInput: Match.objectLike({ Name: 'results' }) });
  });
});
