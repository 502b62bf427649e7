/**
 * Builds typed `DataContract` values for tests without going through the parser. Every builder
 * takes the few fields a test cares about and fills the rest with neutral defaults.
 */
import {
  ContractColumn,
  ContractRole,
  ContractTable,
  DataContract,
  RowFilterSpec,
} from '../../lib/contract/model';
import { SourceLocation } from '../../lib/errors';

export const TEST_LOCATION: SourceLocation = { file: 'test.odcs.yaml', line: 1, column: 1 };

const NESTED_TYPE = /^(array|map|struct)</i;

export interface ColumnOptions {
  readonly type?: string;
  readonly classification?: string;
  readonly partitionKeyPosition?: number;
}

/** A column named `name`; `type` defaults to `string`, nested is derived from the type. */
export function column(name: string, options: ColumnOptions = {}): ContractColumn {
  const type = options.type ?? 'string';
  return {
    name,
    logicalName: name,
    type,
    logicalTypeOptions: {},
    classification: options.classification,
    required: false,
    unique: false,
    primaryKey: false,
    partitioned: options.partitionKeyPosition !== undefined,
    partitionKeyPosition: options.partitionKeyPosition,
    nested: NESTED_TYPE.test(type),
    quality: [],
    location: TEST_LOCATION,
  };
}

/** A partition key column (position in the order given). */
export function partitionKey(name: string, position: number, type = 'string'): ContractColumn {
  return column(name, { type, partitionKeyPosition: position });
}

export function table(
  name: string,
  columns: readonly ContractColumn[],
  partitionKeys: readonly ContractColumn[] = [],
): ContractTable {
  return {
    name,
    logicalName: name,
    columns,
    partitionKeys,
    quality: [],
    primaryKey: [],
    location: TEST_LOCATION,
  };
}

export interface RoleOptions {
  readonly access?: string;
  readonly excludeColumns?: readonly string[];
  readonly includeColumns?: readonly string[];
  /** A string applies to every table; a record maps table name to expression. */
  readonly rowFilter?: string | Readonly<Record<string, string>>;
}

export function role(name: string, options: RoleOptions = {}): ContractRole {
  return {
    name,
    access: options.access ?? 'read',
    excludeColumns: options.excludeColumns ?? [],
    includeColumns: options.includeColumns ?? [],
    rowFilter: rowFilterSpec(options.rowFilter),
    location: TEST_LOCATION,
  };
}

function rowFilterSpec(value: RoleOptions['rowFilter']): RowFilterSpec | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return { kind: 'all-tables', expression: value };
  return { kind: 'per-table', expressions: value };
}

export type ContractOverrides = Partial<Omit<DataContract, 'tables' | 'roles'>> & {
  readonly tables?: readonly ContractTable[];
  readonly roles?: readonly ContractRole[];
};

/** An `active` contract `orders-contract` v1.2.0 for product `orders`, with the given tables and roles. */
export function contract(overrides: ContractOverrides = {}): DataContract {
  return {
    file: 'contracts/orders.odcs.yaml',
    apiVersion: 'v3.0.2',
    id: 'orders-contract',
    version: '1.2.0',
    status: 'active',
    domain: 'sales',
    dataProduct: 'orders',
    productSlug: 'orders',
    tables: [],
    otherObjects: [],
    roles: [],
    sla: {},
    servers: [],
    fingerprint: '0'.repeat(64),
    location: TEST_LOCATION,
    ...overrides,
  };
}

/**
 * The contract most grant tests start from: table `orders` (order_id, customer_email restricted,
 * amount, items array, country; partitioned by dt) and table `refunds` (refund_id, order_id,
 * customer_email restricted), with roles `analyst` and `auditor`.
 */
export function ordersContract(overrides: ContractOverrides = {}): DataContract {
  return contract({
    tables: [
      table(
        'orders',
        [
          column('order_id'),
          column('customer_email', { classification: 'restricted' }),
          column('amount', { type: 'decimal(10,2)' }),
          column('items', { type: 'array<struct<sku:string,qty:int>>' }),
          column('country'),
        ],
        [partitionKey('dt', 1)],
      ),
      table('refunds', [
        column('refund_id'),
        column('order_id'),
        column('customer_email', { classification: 'restricted' }),
      ]),
    ],
    roles: [role('analyst'), role('auditor', { includeColumns: ['customer_email'] })],
    ...overrides,
  });
}
