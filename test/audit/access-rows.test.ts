import * as path from 'node:path';
import { auditCloudAssembly, auditStacks } from '../../lib/audit/audit';
import { AuditRow } from '../../lib/audit/model';
import {
  ANALYST,
  columnsResource,
  databaseResource,
  dataCellsFilter,
  filterResource,
  FIXTURES,
  glueDatabase,
  glueTable,
  grant,
  grantMetadata,
  PRODUCER,
  stack,
  tableResource,
  TODAY,
} from './template-builders';

const rowsOf = (resources: Record<string, unknown>, options: { account?: string | null } = {}) =>
  auditStacks([stack(resources, options)], { today: TODAY }).rows;

const catalog = {
  Db: glueDatabase(),
  Orders: glueTable('orders', ['order_id', 'customer_email', 'amount', 'country'], { partitionKeys: ['dt'], restricted: ['customer_email'] }),
  Refunds: glueTable('refunds', ['refund_id', 'order_id']),
};

describe('access matrix of the central-catalog fixture', () => {
  const report = auditCloudAssembly(path.join(FIXTURES, 'central'), { today: TODAY });
  const row = (table: string, principal: string): AuditRow => {
    const found = report.rows.find((candidate) => candidate.table === table && candidate.principal.endsWith(principal));
    if (!found) throw new Error(`no row for ${table} / ${principal}`);
    return found;
  };

  test('has one row per product, table and principal, sorted', () => {
    expect(report.rows.map((r) => [r.product, r.table, r.principal])).toEqual([
      ['sales.orders', 'orders', 'arn:aws:iam::222222222222:role/sales-etl'],
      ['sales.orders', 'orders', 'arn:aws:iam::444444444444:role/marketing-analyst'],
      ['sales.orders', 'orders', 'arn:aws:iam::666666666666:role/finance-auditor'],
      ['sales.orders', 'refunds', 'arn:aws:iam::222222222222:role/sales-etl'],
      ['sales.orders', 'refunds', 'arn:aws:iam::444444444444:role/marketing-analyst'],
    ]);
  });

  test('resolves a row-filtered grant to the filter columns and expression, folding the database and link grants in', () => {
    expect(row('orders', 'marketing-analyst')).toEqual({
      product: 'sales.orders',
      table: 'orders',
      principal: 'arn:aws:iam::444444444444:role/marketing-analyst',
      permissions: ['DESCRIBE', 'SELECT'],
      columns: ['amount', 'country', 'dt', 'order_id'],
      withheldColumns: ['customer_email'],
      rowFilter: "country = 'DE'",
      contractId: 'orders-contract',
      contractVersion: '1.2.0',
      role: 'analyst',
      purpose: 'campaign attribution',
      requestedBy: 'ana@example.com',
      approvedBy: 'sales-dpo@example.com',
      expires: '2026-12-10',
      stack: 'retail-governance',
      logicalId: 'GrantMarketingOrdersFilter',
      kind: 'contract',
      consumer: 'marketing',
      database: 'sales_orders',
      databasePermissions: ['DESCRIBE'],
      permissionsWithGrantOption: [],
      sources: [
        { stack: 'retail-consumer-marketing', logicalId: 'LinkDescribeMarketing' },
        { stack: 'retail-governance', logicalId: 'GrantMarketingDatabase' },
        { stack: 'retail-governance', logicalId: 'GrantMarketingOrdersDescribe' },
        { stack: 'retail-governance', logicalId: 'GrantMarketingOrdersFilter' },
      ],
    });
  });

  test('expands a column wildcard to every column of the Glue table', () => {
    const finance = row('orders', 'finance-auditor');
    expect(finance.columns).toEqual(['amount', 'country', 'customer_email', 'dt', 'order_id']);
    expect(finance.withheldColumns).toEqual([]);
    expect(finance.rowFilter).toBeNull();
    expect(finance.expires).toBeNull();
  });

  test('expands a producer table wildcard to one local row per table of the database, catalog ids given as Ref AWS::AccountId', () => {
    const producer = row('refunds', 'sales-etl');
    expect(producer).toMatchObject({
      kind: 'local',
      permissions: ['ALTER', 'DELETE', 'DESCRIBE', 'INSERT', 'SELECT'],
      databasePermissions: ['ALTER', 'CREATE_TABLE', 'DESCRIBE'],
      columns: ['customer_email', 'order_id', 'refund_id'],
      contractId: null,
      role: null,
      consumer: null,
      stack: 'retail-domain-sales',
      logicalId: 'ProducerTablesGrant',
    });
  });
});

describe('access matrix rows', () => {
  test('a database grant without table grants is a row of its own, table null', () => {
    const rows = rowsOf({ ...catalog, Grant: grant({ resource: databaseResource(), permissions: ['DESCRIBE'], metadata: grantMetadata({ table: null }) }) });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ product: 'sales.orders', table: null, permissions: [], databasePermissions: ['DESCRIBE'], columns: [], withheldColumns: [] });
  });

  test('a table SELECT without column list reads every column', () => {
    const rows = rowsOf({ ...catalog, Grant: grant({ resource: tableResource('refunds'), metadata: grantMetadata({ table: 'refunds' }) }) });
    expect(rows[0].columns).toEqual(['order_id', 'refund_id']);
  });

  test('a DESCRIBE-only table row selects nothing and withholds every column', () => {
    const rows = rowsOf({ ...catalog, Grant: grant({ resource: tableResource('refunds'), permissions: ['DESCRIBE'], metadata: grantMetadata({ table: 'refunds' }) }) });
    expect(rows[0]).toMatchObject({ permissions: ['DESCRIBE'], columns: [], withheldColumns: ['order_id', 'refund_id'] });
  });

  test('a column wildcard leaves out its excluded columns', () => {
    const resource = { TableWithColumns: { CatalogId: '111111111111', DatabaseName: 'sales_orders', Name: 'orders', ColumnWildcard: { ExcludedColumnNames: ['customer_email'] } } };
    const rows = rowsOf({ ...catalog, Grant: grant({ resource, metadata: grantMetadata() }) });
    expect(rows[0].columns).toEqual(['amount', 'country', 'dt', 'order_id']);
    expect(rows[0].withheldColumns).toEqual(['customer_email']);
  });

  test('takes columns from the metadata when no template describes the table', () => {
    const rows = rowsOf({
      Grant: grant({
        resource: { TableWithColumns: { CatalogId: '111111111111', DatabaseName: 'sales_orders', Name: 'orders', ColumnWildcard: {} } },
        metadata: grantMetadata({ columns: ['order_id'], withheldColumns: ['customer_email'] }),
      }),
    });
    expect(rows[0]).toMatchObject({ product: 'sales.orders', columns: ['order_id'], withheldColumns: ['customer_email'] });
  });

  test('a table wildcard over a database no template describes is one row with table "*"', () => {
    const rows = rowsOf({
      Grant: grant({ principal: PRODUCER, resource: { Table: { CatalogId: '111111111111', DatabaseName: 'other_db', TableWildcard: {} } }, permissions: ['SELECT'] }),
    });
    expect(rows[0]).toMatchObject({ product: null, table: '*', database: 'other_db', columns: [], kind: 'local' });
  });

  test('merges two filtered SELECT grants of one principal and table, OR-ing their filters', () => {
    const rows = rowsOf({
      ...catalog,
      FilterDe: dataCellsFilter('orders', 'de', "country = 'DE'", ['order_id']),
      FilterAt: dataCellsFilter('orders', 'at', "country = 'AT'", ['order_id', 'amount']),
      GrantDe: grant({ resource: filterResource('orders', 'de'), metadata: grantMetadata({ roles: ['analyst'] }) }),
      GrantAt: grant({ resource: filterResource('orders', 'at'), metadata: grantMetadata({ roles: ['austria'], purposes: ['austrian campaigns'] }) }),
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      columns: ['amount', 'order_id'],
      rowFilter: "(country = 'AT') OR (country = 'DE')",
      role: 'analyst; austria',
      purpose: 'austrian campaigns; campaign attribution',
      logicalId: 'GrantAt',
    });
  });

  test('an unfiltered SELECT next to a filtered one reads every row', () => {
    const rows = rowsOf({
      ...catalog,
      Filter: dataCellsFilter('orders', 'de', "country = 'DE'", ['order_id']),
      Filtered: grant({ resource: filterResource('orders', 'de'), metadata: grantMetadata() }),
      Plain: grant({ resource: columnsResource('orders', ['amount']), metadata: grantMetadata() }),
    });
    expect(rows[0]).toMatchObject({ columns: ['amount', 'order_id'], rowFilter: null });
  });

  test('a filter with AllRowsWildcard filters columns only', () => {
    const rows = rowsOf({
      ...catalog,
      Filter: dataCellsFilter('orders', 'cols', null, ['order_id']),
      Grant: grant({ resource: filterResource('orders', 'cols'), metadata: grantMetadata() }),
    });
    expect(rows[0]).toMatchObject({ columns: ['order_id'], rowFilter: null });
  });

  test('falls back to the metadata when the filter is missing', () => {
    const rows = rowsOf({
      ...catalog,
      Grant: grant({ resource: filterResource('orders', 'gone'), metadata: grantMetadata({ columns: ['order_id'], rowFilter: "country = 'DE'" }) }),
    });
    expect(rows[0]).toMatchObject({ columns: ['order_id'], rowFilter: "country = 'DE'" });
  });

  test('keeps the earliest expiry of merged grants', () => {
    const rows = rowsOf({
      ...catalog,
      Select: grant({ resource: columnsResource('orders', ['amount']), metadata: grantMetadata({ expires: '2027-06-30' }) }),
      Describe: grant({ resource: tableResource('orders'), permissions: ['DESCRIBE'], metadata: grantMetadata({ expires: '2027-01-31' }) }),
    });
    expect(rows[0].expires).toBe('2027-01-31');
  });

  test('shows an intrinsic principal readably', () => {
    const rows = rowsOf({ ...catalog, Grant: grant({ principal: { 'Fn::GetAtt': ['AnalystRole', 'Arn'] }, resource: columnsResource('orders', ['amount']) }) });
    expect(rows[0]).toMatchObject({ principal: '${AnalystRole.Arn}', kind: 'local' });
  });

  test('marks a grant without metadata to another account unmanaged', () => {
    const rows = rowsOf({ ...catalog, Grant: grant({ resource: columnsResource('orders', ['amount']) }) });
    expect(rows[0]).toMatchObject({ kind: 'unmanaged', contractId: null, consumer: null });
  });

  test('sorts rows by product, table and principal, null before text', () => {
    const rows = auditStacks(
      [
        stack({
          Orders: grant({ resource: columnsResource('orders', ['amount']), metadata: grantMetadata() }),
          Other: grant({ principal: PRODUCER, resource: databaseResource('scratch'), permissions: ['DESCRIBE'] }),
          Zed: grant({ principal: 'arn:aws:iam::444444444444:role/zed', resource: columnsResource('orders', ['amount']), metadata: grantMetadata() }),
          Refunds: grant({ resource: columnsResource('refunds', ['refund_id']), metadata: grantMetadata({ table: 'refunds' }) }),
          DbOnly: grant({ resource: databaseResource(), permissions: ['DESCRIBE'], metadata: grantMetadata({ table: null, product: 'aaa.first' }) }),
        }),
      ],
      { today: TODAY },
    ).rows;
    expect(rows.map((r) => [r.product, r.table, r.principal])).toEqual([
      [null, null, PRODUCER],
      ['aaa.first', null, ANALYST],
      ['sales.orders', 'orders', ANALYST],
      ['sales.orders', 'orders', 'arn:aws:iam::444444444444:role/zed'],
      ['sales.orders', 'refunds', ANALYST],
    ]);
  });

  test('does not read DataLocation grants into the matrix', () => {
    const rows = rowsOf({
      Grant: grant({ principal: PRODUCER, resource: { DataLocation: { CatalogId: '111111111111', ResourceArn: 'arn:aws:s3:::bucket/orders' } }, permissions: ['DATA_LOCATION_ACCESS'] }),
    });
    expect(rows).toEqual([]);
  });
});
