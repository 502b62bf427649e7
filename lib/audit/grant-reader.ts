/**
 * Reads one `AWS::LakeFormation::PrincipalPermissions` resource into what the matrix needs: who is
 * granted, on which product tables, which permissions, columns and rows. A grant on a database is
 * one database-level entry; on a table wildcard, one entry per table the templates list; on a data
 * cells filter, the filter's table, columns and row filter.
 */
import { field } from '../nag/cfn-values';
import { classifyDataLakePrincipal, PrincipalKind, principalAccount } from '../nag/principals';
import { CatalogIndex, ColumnSelection, columnSelection, GlueTableEntry } from './catalog-index';
import { cfnText, cfnTexts, objectAt } from './cfn-text';
import { ReadGrantMetadata, readGrantMetadata } from './grant-metadata-reader';
import { catalogKey, TemplateResource } from './template-resources';

/** What a grant lets a principal read of one table (present when it grants SELECT or ALL). */
export interface SelectAccess {
  /** The columns, sorted; undefined when neither the template nor the metadata tells. */
  readonly columns: readonly string[] | undefined;
  /** The row filter, or null for every row. */
  readonly rowFilter: string | null;
}

/** One (product, table) a grant resource reaches. `table` null is the database itself. */
export interface GrantEntry {
  readonly product: string | null;
  readonly database: string;
  readonly table: string | null;
  /** The Glue table, when a template describes it. */
  readonly tableEntry: GlueTableEntry | undefined;
  readonly select: SelectAccess | undefined;
}

export interface GrantResource {
  readonly resource: TemplateResource;
  /** The principal as text (intrinsics as `${…}`). */
  readonly principal: string;
  readonly principalKind: PrincipalKind;
  /** True unless the principal is known to be in the stack's own account. */
  readonly crossAccount: boolean;
  readonly metadata: ReadGrantMetadata | undefined;
  readonly permissions: readonly string[];
  readonly grantOption: readonly string[];
  /** What the resource grants on, for messages: `table sales_orders.orders`. */
  readonly target: string;
  readonly entries: readonly GrantEntry[];
  /** The named data cells filter no resource of the stack defines. */
  readonly missingFilter: string | undefined;
  /** A resource kind the matrix does not expand (LF-Tags, catalog), or undefined. */
  readonly notExpanded: string | undefined;
}

/** Permissions that read table data. */
const READS_DATA: ReadonlySet<string> = new Set(['SELECT', 'ALL']);
const NOT_EXPANDED: readonly string[] = ['LFTag', 'LFTagPolicy', 'Catalog'];

export function readGrant(resource: TemplateResource, index: CatalogIndex): GrantResource {
  const { properties } = resource;
  const identifier = field(properties, 'Principal', 'DataLakePrincipalIdentifier');
  const principalKind = classifyDataLakePrincipal(identifier);
  const permissions = sortedUnique(cfnTexts(properties.Permissions));
  const metadata = readGrantMetadata(resource.metadata);
  const base = {
    resource,
    principal: cfnText(identifier) ?? '(none)',
    principalKind,
    crossAccount: isCrossAccount(identifier, principalKind, resource.stack.account),
    metadata,
    permissions,
    grantOption: sortedUnique(cfnTexts(properties.PermissionsWithGrantOption)),
  };
  const target = objectAt(properties, 'Resource') ?? {};
  const reads = permissions.some((permission) => READS_DATA.has(permission));
  const productOf = (catalog: string, database: string) => metadata?.product ?? index.productOfDatabase(catalog, database)?.product ?? null;
  const nothingMissing = { missingFilter: undefined, notExpanded: undefined };

  const database = objectAt(target, 'Database');
  if (database) {
    const name = cfnText(database.Name) ?? '?';
    const product = productOf(catalogKey(database.CatalogId, resource.stack), name);
    const entry: GrantEntry = { product, database: name, table: null, tableEntry: undefined, select: undefined };
    return { ...base, ...nothingMissing, target: `database ${name}`, entries: [entry] };
  }

  const table = objectAt(target, 'Table') ?? objectAt(target, 'TableWithColumns');
  if (table) {
    const catalog = catalogKey(table.CatalogId, resource.stack);
    const databaseName = cfnText(table.DatabaseName) ?? '?';
    const product = productOf(catalog, databaseName);
    const withColumns = objectAt(target, 'TableWithColumns') !== undefined;
    const selection: ColumnSelection = withColumns ? columnSelection(table) : { kind: 'allExcept', excluded: [] };
    const name = cfnText(table.Name);
    const tables = name !== undefined ? [name] : wildcardTables(index, catalog, databaseName);
    const entries = tables.map((tableName): GrantEntry => {
      const tableEntry = tableName === '*' ? undefined : index.table(catalog, databaseName, tableName);
      const select = reads ? { columns: selectedColumns(selection, tableEntry, metadata), rowFilter: null } : undefined;
      return { product, database: databaseName, table: tableName, tableEntry, select };
    });
    const described = name !== undefined ? `table ${databaseName}.${name}` : `every table of ${databaseName}`;
    return { ...base, ...nothingMissing, target: described, entries };
  }

  const reference = objectAt(target, 'DataCellsFilter');
  if (reference) {
    const catalog = catalogKey(reference.TableCatalogId, resource.stack);
    const [databaseName, tableName, filterName] = [reference.DatabaseName, reference.TableName, reference.Name].map((v) => cfnText(v) ?? '?');
    const product = productOf(catalog, databaseName);
    const filter = index.filter(resource, catalog, databaseName, tableName, filterName);
    const tableEntry = index.table(catalog, databaseName, tableName);
    const select: SelectAccess | undefined = reads
      ? filter
        ? { columns: selectedColumns(filter.columns, tableEntry, metadata), rowFilter: filter.rowFilter }
        : { columns: metadata?.columns.length ? sortedUnique(metadata.columns) : undefined, rowFilter: metadata?.rowFilter ?? null }
      : undefined;
    return {
      ...base,
      target: `data cells filter ${filterName} on ${databaseName}.${tableName}`,
      entries: [{ product, database: databaseName, table: tableName, tableEntry, select }],
      missingFilter: filter ? undefined : filterName,
      notExpanded: undefined,
    };
  }

  const kind = NOT_EXPANDED.find((key) => target[key] !== undefined) ?? Object.keys(target).sort()[0];
  return {
    ...base,
    target: kind === undefined ? 'an empty resource' : `a ${kind} resource`,
    entries: [],
    missingFilter: undefined,
    notExpanded: kind !== undefined && NOT_EXPANDED.includes(kind) ? kind : undefined,
  };
}

/** The tables a `TableWildcard` covers, or `*` when no template lists the database's tables. */
function wildcardTables(index: CatalogIndex, catalog: string, database: string): string[] {
  const tables = index.tablesOf(catalog, database).map((table) => table.name);
  return tables.length > 0 ? tables : ['*'];
}

/** The column names a selection reaches: the template first, the metadata when the template cannot tell. */
function selectedColumns(
  selection: ColumnSelection,
  table: GlueTableEntry | undefined,
  metadata: ReadGrantMetadata | undefined,
): readonly string[] | undefined {
  if (selection.kind === 'named') return sortedUnique(selection.names);
  if (selection.kind === 'allExcept' && table) {
    const excluded = new Set(selection.excluded.map((name) => name.toLowerCase()));
    return sortedUnique(table.columns.map((column) => column.name).filter((name) => !excluded.has(name.toLowerCase())));
  }
  return metadata && metadata.columns.length > 0 ? sortedUnique(metadata.columns) : undefined;
}

/**
 * The same reading as the `GrantHasContractMetadata` nag rule: a principal known to live in the
 * stack's account is local; anything else (another account, or one the template cannot tell) is
 * not. An environment-agnostic stack can grant to anyone.
 */
function isCrossAccount(identifier: unknown, kind: PrincipalKind, stackAccount: string | undefined): boolean {
  if (kind === PrincipalKind.IAM_ALLOWED_PRINCIPALS || kind === PrincipalKind.EVERYONE) return false;
  const account = principalAccount(identifier);
  if (account.kind === 'local') return false;
  if (account.kind === 'literal' && stackAccount !== undefined) return account.account !== stackAccount;
  return true;
}

export function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
