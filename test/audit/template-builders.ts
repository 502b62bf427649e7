/**
 * Builds stack templates for audit tests from objects: just the resources a test is about, in the
 * shapes the constructs write (see test/fixtures/cdk-out for whole assemblies).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AssemblyStack } from '../../lib/audit/cloud-assembly';
import { GrantMetadata } from '../../lib/grants/grant-metadata';

export const CENTRAL = '111111111111';
export const ANALYST = 'arn:aws:iam::444444444444:role/marketing-analyst';
export const PRODUCER = 'arn:aws:iam::111111111111:role/sales-etl';
export const TODAY = '2026-11-20';

type Resources = Record<string, unknown>;

/** An in-memory stack, as `readCloudAssembly` returns it. */
export function stack(resources: Resources, options: { name?: string; account?: string | null } = {}): AssemblyStack {
  const name = options.name ?? 'retail-governance';
  return {
    artifactId: name,
    stackName: name,
    account: options.account === null ? undefined : (options.account ?? CENTRAL),
    region: 'eu-west-1',
    templateFile: `/virtual/${name}.template.json`,
    template: { Resources: resources },
  };
}

/** The audit record of a contract grant on `sales.orders`, with `overrides`. */
export function grantMetadata(overrides: Partial<Record<keyof GrantMetadata, unknown>> = {}): Record<string, unknown> {
  return {
    product: 'sales.orders',
    table: 'orders',
    consumer: 'marketing',
    contractId: 'orders-contract',
    contractVersion: '1.2.0',
    roles: ['analyst'],
    purposes: ['campaign attribution'],
    requestedBy: ['ana@example.com'],
    approvedBy: ['sales-dpo@example.com'],
    expires: null,
    columns: [],
    withheldColumns: [],
    restrictedColumns: [],
    includeColumns: [],
    rowFilter: null,
    ...overrides,
  };
}

export interface GrantOptions {
  readonly principal?: unknown;
  readonly resource: Record<string, unknown>;
  readonly permissions?: readonly unknown[];
  readonly grantOption?: readonly unknown[];
  /** `lakemesh:grant` metadata; none when undefined. */
  readonly metadata?: Record<string, unknown>;
}

export function grant(options: GrantOptions): Record<string, unknown> {
  return {
    Type: 'AWS::LakeFormation::PrincipalPermissions',
    Properties: {
      Catalog: CENTRAL,
      Principal: { DataLakePrincipalIdentifier: options.principal ?? ANALYST },
      Resource: options.resource,
      Permissions: options.permissions ?? ['SELECT'],
      PermissionsWithGrantOption: options.grantOption ?? [],
    },
    // As lakemesh writes it: one JSON string.
    ...(options.metadata ? { Metadata: { 'lakemesh:grant': JSON.stringify(options.metadata) } } : {}),
  };
}

export const databaseResource = (name = 'sales_orders', catalog: unknown = CENTRAL) => ({ Database: { CatalogId: catalog, Name: name } });
export const tableResource = (name: string, database = 'sales_orders') => ({ Table: { CatalogId: CENTRAL, DatabaseName: database, Name: name } });
export const columnsResource = (name: string, columns: readonly string[]) => ({
  TableWithColumns: { CatalogId: CENTRAL, DatabaseName: 'sales_orders', Name: name, ColumnNames: columns },
});
export const filterResource = (table: string, name: string) => ({
  DataCellsFilter: { TableCatalogId: CENTRAL, DatabaseName: 'sales_orders', TableName: table, Name: name },
});

export function dataCellsFilter(table: string, name: string, rowFilter: string | null, columns: readonly string[]): Record<string, unknown> {
  return {
    Type: 'AWS::LakeFormation::DataCellsFilter',
    Properties: {
      TableCatalogId: CENTRAL,
      DatabaseName: 'sales_orders',
      TableName: table,
      Name: name,
      RowFilter: rowFilter === null ? { AllRowsWildcard: {} } : { FilterExpression: rowFilter },
      ColumnNames: columns,
    },
  };
}

export function glueDatabase(name = 'sales_orders', product: string | null = 'sales.orders'): Record<string, unknown> {
  return {
    Type: 'AWS::Glue::Database',
    Properties: { CatalogId: CENTRAL, DatabaseInput: { Name: name } },
    ...(product === null
      ? {}
      : { Metadata: { 'lakemesh:product': { product, contractId: 'orders-contract', contractVersion: '1.2.0', owner: 'sales-data@example.com' } } }),
  };
}

/** A Glue table; `columns` are `name` or `name:type`; `restricted` get `lakemesh.classification.<c> = restricted`. */
export function glueTable(
  name: string,
  columns: readonly string[],
  options: { partitionKeys?: readonly string[]; restricted?: readonly string[]; database?: string } = {},
): Record<string, unknown> {
  const toColumn = (spec: string) => {
    const [columnName, type] = spec.split(':');
    return { Name: columnName, Type: type ?? 'string' };
  };
  const parameters: Record<string, string> = { 'lakemesh.contractId': 'orders-contract', 'lakemesh.status': 'active' };
  for (const column of options.restricted ?? []) parameters[`lakemesh.classification.${column}`] = 'restricted';
  return {
    Type: 'AWS::Glue::Table',
    Properties: {
      CatalogId: CENTRAL,
      DatabaseName: options.database ?? 'sales_orders',
      TableInput: {
        Name: name,
        Parameters: parameters,
        PartitionKeys: (options.partitionKeys ?? []).map(toColumn),
        StorageDescriptor: { Columns: columns.map(toColumn) },
      },
    },
  };
}

/** Writes a cloud assembly to a fresh temp directory: `files` maps relative paths to JSON values or raw text. */
export function writeAssembly(files: Record<string, unknown>): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-audit-'));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(directory, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return directory;
}

/** A manifest listing `stacks` (artifact id → template file, environment). */
export function manifest(stacks: Record<string, { templateFile?: string; environment?: string; stackName?: string }>, extra: Record<string, unknown> = {}) {
  const artifacts: Record<string, unknown> = { ...extra };
  for (const [id, properties] of Object.entries(stacks)) {
    artifacts[id] = {
      type: 'aws:cloudformation:stack',
      environment: properties.environment ?? `aws://${CENTRAL}/eu-west-1`,
      properties: {
        ...(properties.templateFile === undefined ? {} : { templateFile: properties.templateFile }),
        ...(properties.stackName === undefined ? {} : { stackName: properties.stackName }),
      },
    };
  }
  return { version: '55.0.0', artifacts };
}

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'cdk-out');
