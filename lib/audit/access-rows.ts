/**
 * Folds grant resources into the access matrix: one row per (product, table, principal). A
 * contract grant is several resources (SELECT on the columns or the row filter, DESCRIBE on the
 * table, DESCRIBE on the database, DESCRIBE on the consumer's resource link): their table-level
 * permissions, columns and audit records merge into the row, and database-level grants fold into
 * every table row of their product. A database grant with no table row is a row of its own
 * (`table` null).
 */
import { GrantEntry, GrantResource, sortedUnique } from './grant-reader';
import { ReadGrantMetadata } from './grant-metadata-reader';
import { AuditRow, RowKind, RowSource } from './model';

/** A row plus the audit facts findings are judged on. */
export interface MatrixRow {
  readonly row: AuditRow;
  /** Restricted columns of the table, per the grants' metadata. */
  readonly restrictedColumns: readonly string[];
  readonly includeColumns: readonly string[];
  readonly roles: readonly string[];
}

interface Part {
  readonly grant: GrantResource;
  readonly entry: GrantEntry;
}

/** Joins merged audit values (several roles, purposes, …) in one cell. */
export const VALUE_SEPARATOR = '; ';

export function buildRows(grants: readonly GrantResource[]): MatrixRow[] {
  const tableGroups = new Map<string, Part[]>();
  const databaseParts: Part[] = [];
  for (const grant of grants) {
    for (const entry of grant.entries) {
      const part = { grant, entry };
      if (entry.table === null) {
        databaseParts.push(part);
      } else {
        append(tableGroups, JSON.stringify([productKey(entry), entry.table, grant.principal]), part);
      }
    }
  }
  const folded = new Map<string, Part[]>();
  const standalone = new Map<string, Part[]>();
  const tableRowsOf = new Map<string, string[]>();
  for (const [key, parts] of tableGroups) {
    append(tableRowsOf, JSON.stringify([productKey(parts[0].entry), parts[0].grant.principal]), key);
  }
  for (const part of databaseParts) {
    const owner = JSON.stringify([productKey(part.entry), part.grant.principal]);
    const rowKeys = tableRowsOf.get(owner);
    if (rowKeys) {
      for (const key of rowKeys) append(folded, key, part);
    } else {
      append(standalone, owner, part);
    }
  }
  const rows = [
    ...[...tableGroups].map(([key, parts]) => assemble(parts, folded.get(key) ?? [])),
    ...[...standalone.values()].map((parts) => assemble([], parts)),
  ];
  return rows.sort((a, b) => compareRows(a.row, b.row));
}

/** Rows sort by product, table, principal; null before any text. */
export function compareRows(a: AuditRow, b: AuditRow): number {
  return (
    compareNullable(a.product, b.product) ||
    compareNullable(a.table, b.table) ||
    compareNullable(a.principal, b.principal) ||
    compareNullable(a.stack, b.stack) ||
    compareNullable(a.logicalId, b.logicalId)
  );
}

function assemble(tableParts: readonly Part[], databaseParts: readonly Part[]): MatrixRow {
  const all = [...tableParts, ...databaseParts];
  const first = all[0];
  const selects = tableParts.flatMap((part) => (part.entry.select ? [part.entry.select] : []));
  const columns = sortedUnique(selects.flatMap((select) => select.columns ?? []));
  const auditParts = tableParts.some((part) => part.grant.metadata) ? tableParts : databaseParts;
  const records = auditParts.flatMap((part) => (part.grant.metadata ? [part.grant.metadata] : []));
  const values = (pick: (record: ReadGrantMetadata) => readonly (string | undefined)[]) =>
    joined(sortedUnique(records.flatMap((record) => pick(record).filter((value): value is string => value !== undefined && value !== ''))));
  const main = [...all].sort(compareMain)[0];
  const row: AuditRow = {
    product: first.entry.product,
    table: tableParts.length > 0 ? first.entry.table : null,
    principal: first.grant.principal,
    permissions: sortedUnique(tableParts.flatMap((part) => part.grant.permissions)),
    columns,
    withheldColumns: withheld(tableParts, columns, records),
    rowFilter: rowFilterOf(selects),
    contractId: values((record) => [record.contractId]),
    contractVersion: values((record) => [record.contractVersion]),
    role: values((record) => record.roles),
    purpose: values((record) => record.purposes),
    requestedBy: values((record) => record.requestedBy),
    approvedBy: values((record) => record.approvedBy),
    expires: earliest(records.map((record) => record.expires)),
    stack: main.grant.resource.stack.stackName,
    logicalId: main.grant.resource.logicalId,
    kind: kindOf(all),
    consumer: values((record) => [record.consumer]),
    database: first.entry.database,
    databasePermissions: sortedUnique(databaseParts.flatMap((part) => part.grant.permissions)),
    permissionsWithGrantOption: sortedUnique(all.flatMap((part) => part.grant.grantOption)),
    sources: sourcesOf(all),
  };
  return {
    row,
    restrictedColumns: sortedUnique(records.flatMap((record) => record.restrictedColumns)),
    includeColumns: sortedUnique(records.flatMap((record) => record.includeColumns)),
    roles: sortedUnique(records.flatMap((record) => record.roles)),
  };
}

/** The table's columns the row does not select; the metadata's list when no template has the table. */
function withheld(tableParts: readonly Part[], columns: readonly string[], records: readonly ReadGrantMetadata[]): string[] {
  if (tableParts.length === 0) return [];
  const granted = new Set(columns.map((column) => column.toLowerCase()));
  const table = tableParts.find((part) => part.entry.tableEntry)?.entry.tableEntry;
  const candidates = table ? table.columns.map((column) => column.name) : records.flatMap((record) => record.withheldColumns);
  return sortedUnique(candidates.filter((column) => !granted.has(column.toLowerCase())));
}

/** Null when any SELECT reads every row; else the filters, OR-ed when there are several. */
function rowFilterOf(selects: readonly { rowFilter: string | null }[]): string | null {
  if (selects.length === 0 || selects.some((select) => select.rowFilter === null)) return null;
  const filters = sortedUnique(selects.map((select) => select.rowFilter as string));
  return filters.length === 1 ? filters[0] : filters.map((filter) => `(${filter})`).join(' OR ');
}

function kindOf(parts: readonly Part[]): RowKind {
  if (parts.some((part) => part.grant.metadata)) return 'contract';
  return parts.every((part) => !part.grant.crossAccount) ? 'local' : 'unmanaged';
}

/** The row's main resource: a SELECT grant, else a table grant, else the database grant. */
function compareMain(a: Part, b: Part): number {
  const rank = (part: Part) => (part.entry.select ? 0 : part.entry.table !== null ? 1 : 2);
  return rank(a) - rank(b) || compareSource(sourceOf(a), sourceOf(b));
}

function sourcesOf(parts: readonly Part[]): RowSource[] {
  const unique = new Map(parts.map((part) => [JSON.stringify(sourceOf(part)), sourceOf(part)]));
  return [...unique.values()].sort(compareSource);
}

function sourceOf(part: Part): RowSource {
  return { stack: part.grant.resource.stack.stackName, logicalId: part.grant.resource.logicalId };
}

function compareSource(a: RowSource, b: RowSource): number {
  return compareNullable(a.stack, b.stack) || compareNullable(a.logicalId, b.logicalId);
}

function append<T>(groups: Map<string, T[]>, key: string, value: T): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

function productKey(entry: GrantEntry): string {
  return entry.product ?? `database:${entry.database}`;
}

function earliest(dates: readonly (string | undefined)[]): string | null {
  const known = dates.filter((date): date is string => date !== undefined && date !== '').sort();
  return known[0] ?? null;
}

function joined(values: readonly string[]): string | null {
  return values.length === 0 ? null : values.join(VALUE_SEPARATOR);
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
