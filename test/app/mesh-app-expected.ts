/**
 * What the retail example grants, written out by hand from `examples/retail/mesh.yaml` and its five
 * contracts (not computed by the code under test), and a reader that turns a template's Lake
 * Formation permissions into comparable rows.
 *
 * Contract facts this rests on:
 * - sales.orders: table `orders`, partition key `order_date`; role `marketing_analyst` excludes
 *   `customer_id`, `payment_method` and filters rows `country_code IN ('DE', 'AT', 'CH')`.
 * - customers.profiles: table `customers`; `email` and `phone` are `restricted`; role
 *   `segmentation` excludes `first_name`, `last_name`; role `billing` includes `email`.
 * - logistics.shipments: table `shipments`, partition key `ship_date`; role `cost_analyst`
 *   excludes `destination`.
 * - sales.daily_revenue (partition key `revenue_date`) and customers.segments: readers see all.
 */
import { CfnResourceJson, TemplateJson } from '../support/mesh-app-fixture';

export const GOVERNANCE_ACCOUNT = '111111111111';
export const REGION = 'eu-west-1';
export const DOMAIN_ACCOUNTS: Readonly<Record<string, string>> = {
  sales: '222222222222',
  customers: '333333333333',
  logistics: '555555555555',
};
export const CONSUMER_ACCOUNTS: Readonly<Record<string, string>> = {
  marketing: '444444444444',
  finance: '666666666666',
};
export const PRINCIPALS: Readonly<Record<string, readonly string[]>> = {
  marketing: ['arn:aws:iam::444444444444:role/marketing-analyst', 'arn:aws:iam::444444444444:role/campaign-pipeline'],
  finance: ['arn:aws:iam::666666666666:role/finance-analyst', 'arn:aws:iam::666666666666:role/finance-reporting'],
};

export interface ExpectedContract {
  readonly id: string;
  readonly version: string;
}

export const CONTRACTS: Readonly<Record<string, ExpectedContract>> = {
  'sales.orders': { id: '7f3c1e2a-5b4d-4c8e-9a61-0d2f8b7c4e10', version: '2.1.0' },
  'sales.daily_revenue': { id: '0b8e4f6d-2c1a-4e5b-8f7d-3a9c6e1b2d40', version: '1.3.0' },
  'customers.profiles': { id: '4a2d9c7e-8b1f-4d3a-b6e5-9f0c2a7d1e55', version: '3.0.0' },
  'customers.segments': { id: '9c5e1a3b-7d2f-4b8c-a0e6-2f4d8b6a3c71', version: '1.0.0' },
  'logistics.shipments': { id: '2e7b5d9f-1c3a-4f6e-8d2b-5a7c9e1f3b82', version: '1.2.0' },
};

export interface ExpectedGrant {
  readonly product: string;
  readonly domain: string;
  readonly database: string;
  readonly table: string;
  readonly consumer: string;
  readonly role: string;
  readonly purpose: string;
  readonly requestedBy: string;
  readonly approvedBy: string;
  readonly expires: string | null;
  /** Granted columns, in contract order (partition keys last). */
  readonly columns: readonly string[];
  readonly withheldColumns: readonly string[];
  readonly restrictedColumns: readonly string[];
  readonly includeColumns: readonly string[];
  readonly rowFilter: string | null;
}

export const EXPECTED_GRANTS: readonly ExpectedGrant[] = [
  {
    product: 'sales.orders',
    domain: 'sales',
    database: 'sales_orders',
    table: 'orders',
    consumer: 'marketing',
    role: 'marketing_analyst',
    purpose: 'campaign attribution for the DACH spring and autumn campaigns',
    requestedBy: 'ana.lopez@example.com',
    approvedBy: 'lena.schmidt@example.com',
    expires: '2027-06-30',
    columns: ['order_id', 'ordered_at', 'channel', 'country_code', 'currency', 'gross_amount', 'net_amount', 'order_date'],
    withheldColumns: ['customer_id', 'payment_method'],
    restrictedColumns: [],
    includeColumns: [],
    rowFilter: "country_code IN ('DE', 'AT', 'CH')",
  },
  {
    product: 'sales.orders',
    domain: 'sales',
    database: 'sales_orders',
    table: 'orders',
    consumer: 'finance',
    role: 'finance_reporting',
    purpose: 'monthly revenue reporting and order-to-cash reconciliation',
    requestedBy: 'tom.becker@example.com',
    approvedBy: 'lena.schmidt@example.com',
    expires: '2028-12-31',
    columns: [
      'order_id',
      'customer_id',
      'ordered_at',
      'channel',
      'country_code',
      'currency',
      'gross_amount',
      'net_amount',
      'payment_method',
      'order_date',
    ],
    withheldColumns: [],
    restrictedColumns: [],
    includeColumns: [],
    rowFilter: null,
  },
  {
    product: 'sales.daily_revenue',
    domain: 'sales',
    database: 'sales_daily_revenue',
    table: 'daily_revenue',
    consumer: 'finance',
    role: 'reader',
    purpose: 'month-end close and the statutory revenue report',
    requestedBy: 'tom.becker@example.com',
    approvedBy: 'lena.schmidt@example.com',
    expires: '2028-12-31',
    columns: ['country_code', 'channel', 'order_count', 'gross_revenue', 'net_revenue', 'revenue_date'],
    withheldColumns: [],
    restrictedColumns: [],
    includeColumns: [],
    rowFilter: null,
  },
  {
    product: 'customers.profiles',
    domain: 'customers',
    database: 'customers_profiles',
    table: 'customers',
    consumer: 'marketing',
    role: 'segmentation',
    purpose: 'building customer segments for personalised campaigns',
    requestedBy: 'ana.lopez@example.com',
    approvedBy: 'priya.nair@example.com',
    expires: '2027-09-30',
    columns: ['customer_id', 'birth_year', 'country_code', 'loyalty_tier', 'marketing_consent', 'registered_at'],
    withheldColumns: ['first_name', 'last_name', 'email', 'phone'],
    restrictedColumns: ['email', 'phone'],
    includeColumns: [],
    rowFilter: null,
  },
  {
    product: 'customers.profiles',
    domain: 'customers',
    database: 'customers_profiles',
    table: 'customers',
    consumer: 'finance',
    role: 'billing',
    purpose: 'sending invoices and payment reminders (contract performance, GDPR Art. 6(1)(b))',
    requestedBy: 'tom.becker@example.com',
    approvedBy: 'jonas.berg@example.com',
    expires: '2027-12-31',
    columns: ['customer_id', 'first_name', 'last_name', 'email', 'birth_year', 'country_code', 'loyalty_tier', 'marketing_consent', 'registered_at'],
    withheldColumns: ['phone'],
    restrictedColumns: ['email', 'phone'],
    includeColumns: ['email'],
    rowFilter: null,
  },
  {
    product: 'customers.segments',
    domain: 'customers',
    database: 'customers_segments',
    table: 'customer_segments',
    consumer: 'marketing',
    role: 'reader',
    purpose: 'campaign targeting by segment and propensity score',
    requestedBy: 'ana.lopez@example.com',
    approvedBy: 'priya.nair@example.com',
    expires: null,
    columns: ['customer_id', 'segment', 'propensity_score', 'scored_at'],
    withheldColumns: [],
    restrictedColumns: [],
    includeColumns: [],
    rowFilter: null,
  },
  {
    product: 'logistics.shipments',
    domain: 'logistics',
    database: 'logistics_shipments',
    table: 'shipments',
    consumer: 'finance',
    role: 'cost_analyst',
    purpose: 'shipping cost analysis per carrier and country',
    requestedBy: 'tom.becker@example.com',
    approvedBy: 'marta.rossi@example.com',
    expires: '2027-09-30',
    columns: ['shipment_id', 'order_id', 'carrier', 'shipping_cost', 'shipped_at', 'delivered_at', 'packages', 'ship_date'],
    withheldColumns: ['destination'],
    restrictedColumns: [],
    includeColumns: [],
    rowFilter: null,
  },
];

const PRINCIPAL_PERMISSIONS = 'AWS::LakeFormation::PrincipalPermissions';
const DATA_CELLS_FILTER = 'AWS::LakeFormation::DataCellsFilter';

/**
 * The rows `grant` puts into a template whose catalog is `catalog`: per consumer principal DESCRIBE
 * on the database, SELECT on the columns (or through the row filter) and DESCRIBE on the table.
 */
export function expectedRows(grant: ExpectedGrant, catalog: string): string[] {
  return PRINCIPALS[grant.consumer].flatMap((principal) => [
    row(principal, catalog, `database ${catalog}:${grant.database}`, ['DESCRIBE']),
    row(principal, catalog, selectResource(grant, catalog), ['SELECT']),
    row(principal, catalog, `table ${catalog}:${grant.database}.${grant.table}`, ['DESCRIBE']),
  ]);
}

function selectResource(grant: ExpectedGrant, catalog: string): string {
  const columns = [...grant.columns].sort().join(',');
  const table = `${catalog}:${grant.database}.${grant.table}`;
  return grant.rowFilter === null ? `columns ${table} [${columns}]` : `filter ${table} where ${grant.rowFilter} [${columns}]`;
}

function row(principal: string, catalog: string, resource: string, permissions: readonly string[]): string {
  return `${principal} | catalog ${catalog} | ${resource} | ${[...permissions].sort().join(',')}`;
}

interface PermissionProperties {
  readonly Catalog: string;
  readonly Principal: { readonly DataLakePrincipalIdentifier: string };
  readonly Permissions: readonly string[];
  readonly PermissionsWithGrantOption: readonly string[];
  readonly Resource: {
    readonly Database?: { readonly CatalogId: string; readonly Name: string };
    readonly Table?: { readonly CatalogId: string; readonly DatabaseName: string; readonly Name?: string; readonly TableWildcard?: object };
    readonly TableWithColumns?: { readonly CatalogId: string; readonly DatabaseName: string; readonly Name: string; readonly ColumnNames: readonly string[] };
    readonly DataCellsFilter?: { readonly TableCatalogId: string; readonly DatabaseName: string; readonly TableName: string; readonly Name: string };
    readonly DataLocation?: { readonly CatalogId: string; readonly ResourceArn: unknown };
  };
}

interface FilterProperties {
  readonly TableCatalogId: string;
  readonly DatabaseName: string;
  readonly TableName: string;
  readonly Name: string;
  readonly RowFilter: { readonly FilterExpression: string };
  readonly ColumnNames: readonly string[];
}

export function permissionProperties(resource: CfnResourceJson): PermissionProperties {
  return resource.Properties as unknown as PermissionProperties;
}

/**
 * Every `PrincipalPermissions` of `template` as a row `principal | catalog | resource | permissions`,
 * a data cells filter shown by its expression and columns; `include` picks which ones.
 */
export function permissionRows(template: TemplateJson, include: (resource: CfnResourceJson) => boolean = () => true): string[] {
  const filters = Object.values(template.Resources)
    .filter((resource) => resource.Type === DATA_CELLS_FILTER)
    .map((resource) => resource.Properties as unknown as FilterProperties);
  return Object.values(template.Resources)
    .filter((resource) => resource.Type === PRINCIPAL_PERMISSIONS && include(resource))
    .map((resource) => {
      const properties = permissionProperties(resource);
      return row(properties.Principal.DataLakePrincipalIdentifier, properties.Catalog, describe(properties.Resource, filters), properties.Permissions);
    })
    .sort();
}

function describe(resource: PermissionProperties['Resource'], filters: readonly FilterProperties[]): string {
  if (resource.Database) return `database ${resource.Database.CatalogId}:${resource.Database.Name}`;
  if (resource.TableWithColumns) {
    const { CatalogId, DatabaseName, Name, ColumnNames } = resource.TableWithColumns;
    return `columns ${CatalogId}:${DatabaseName}.${Name} [${[...ColumnNames].sort().join(',')}]`;
  }
  if (resource.Table) {
    const { CatalogId, DatabaseName, Name } = resource.Table;
    return `table ${CatalogId}:${DatabaseName}.${Name ?? '*'}`;
  }
  if (resource.DataCellsFilter) {
    const reference = resource.DataCellsFilter;
    const filter = filters.find(
      (candidate) =>
        candidate.TableCatalogId === reference.TableCatalogId &&
        candidate.DatabaseName === reference.DatabaseName &&
        candidate.TableName === reference.TableName &&
        candidate.Name === reference.Name,
    );
    const table = `${reference.TableCatalogId}:${reference.DatabaseName}.${reference.TableName}`;
    if (!filter) return `filter ${table} named ${reference.Name}, not defined in this template`;
    return `filter ${table} where ${filter.RowFilter.FilterExpression} [${[...filter.ColumnNames].sort().join(',')}]`;
  }
  return `other ${JSON.stringify(resource)}`;
}

/** Whether a permission resource carries a consumer grant's audit record. */
export function hasGrantMetadata(resource: CfnResourceJson): boolean {
  return resource.Metadata?.['lakemesh:grant'] !== undefined;
}
