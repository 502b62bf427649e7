import * as path from 'node:path';
import { auditCloudAssembly, auditStacks } from '../../lib/audit/audit';
import { FIXTURES, glueDatabase, glueTable, stack, TODAY } from './template-builders';

describe('products read from the templates', () => {
  const { products } = auditCloudAssembly(path.join(FIXTURES, 'central'), { today: TODAY });

  test('lists each product once, with contract, status, owner and where it is catalogued', () => {
    expect(products.map((product) => product.product)).toEqual(['sales.orders']);
    expect(products[0]).toMatchObject({
      domain: 'sales',
      contractIds: ['orders-contract'],
      contractVersions: ['1.2.0'],
      statuses: ['active'],
      owners: ['sales-data@example.com'],
      catalogs: ['retail-domain-sales: sales_orders', 'retail-governance: sales_orders'],
    });
  });

  test('takes the schema from the Glue tables: columns, types, classification, partition keys', () => {
    const [orders, refunds] = products[0].tables;
    expect([orders.name, refunds.name]).toEqual(['orders', 'refunds']);
    expect(orders).toMatchObject({ database: 'sales_orders', stack: 'retail-domain-sales', logicalId: 'OrdersTableOrders' });
    expect(orders.columns).toEqual([
      { name: 'order_id', type: 'string', classification: null, partitionKey: false, comment: 'Order key.' },
      { name: 'customer_email', type: 'string', classification: 'restricted', partitionKey: false, comment: null },
      { name: 'amount', type: 'decimal(10,2)', classification: null, partitionKey: false, comment: null },
      { name: 'country', type: 'string', classification: 'internal', partitionKey: false, comment: null },
      { name: 'dt', type: 'string', classification: null, partitionKey: true, comment: null },
    ]);
  });

  test('takes quality rules from the Glue Data Quality rulesets', () => {
    expect(products[0].quality).toEqual([
      {
        table: 'orders',
        name: 'sales_orders.orders',
        ruleset: 'Rules = [\n  IsComplete "order_id",\n  ColumnValues "amount" >= 0\n]',
        stack: 'retail-domain-sales',
        logicalId: 'OrdersQualityRuleset',
      },
    ]);
  });

  test('takes the retention SLA from the retention-<product> lifecycle rule of the domain bucket', () => {
    expect(products[0].retention).toEqual([
      {
        ruleId: 'retention-orders',
        prefix: 'orders/',
        expirationDays: 365,
        noncurrentVersionExpirationDays: 7,
        stack: 'retail-domain-sales',
        logicalId: 'DataBucket',
      },
    ]);
  });

  test('finds a product through its tables when the database has no product metadata, and ignores other lifecycle rules', () => {
    const table = { ...glueTable('t', ['a']), Metadata: { 'lakemesh:product': { product: 'hr.people', contractId: 'p', contractVersion: '1.0.0', owner: 'hr@example.com' } } };
    const bucket = {
      Type: 'AWS::S3::Bucket',
      Properties: { LifecycleConfiguration: { Rules: [{ Id: 'retention-other', ExpirationInDays: 1 }, { Id: 'retention-people', Filter: { Prefix: 'people/' } }] } },
    };
    const report = auditStacks([stack({ Db: glueDatabase('sales_orders', null), Table: table, Bucket: bucket })], { today: TODAY });
    expect(report.products).toEqual([
      {
        product: 'hr.people',
        domain: 'hr',
        contractIds: ['orders-contract', 'p'],
        contractVersions: ['1.0.0'],
        statuses: ['active'],
        owners: ['hr@example.com'],
        catalogs: [],
        tables: [expect.objectContaining({ name: 't' })],
        quality: [],
        retention: [
          { ruleId: 'retention-people', prefix: 'people/', expirationDays: null, noncurrentVersionExpirationDays: null, stack: 'retail-governance', logicalId: 'Bucket' },
        ],
      },
    ]);
  });
});
