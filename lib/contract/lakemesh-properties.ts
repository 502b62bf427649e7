/**
 * lakemesh settings carried in ODCS `customProperties` with a `lakemesh.` prefix, so contracts
 * stay valid ODCS. They are defined on roles only:
 *
 * - `lakemesh.excludeColumns`: columns (`column` or `table.column`) the role never sees;
 * - `lakemesh.includeColumns`: restricted columns the role may see nevertheless;
 * - `lakemesh.rowFilter`: a PartiQL condition for every table, or a mapping table → condition.
 *
 * Column and table references accept the Glue name or the ODCS `name`, in any case, and are
 * normalised to Glue names (`orders.email`), which is what grants are made of.
 */
import { didYouMean } from '../source/did-you-mean';
import { describe, PathSegment } from '../source/yaml-source';
import { ContractColumn, ContractTable, RowFilterSpec } from './model';
import { CONTRACT_CODES } from './codes';
import { ContractContext } from './context';
import { OdcsCustomProperty } from './odcs-schema';

export const LAKEMESH_PREFIX = 'lakemesh.';

export const LAKEMESH_ROLE_PROPERTIES = {
  excludeColumns: 'lakemesh.excludeColumns',
  includeColumns: 'lakemesh.includeColumns',
  rowFilter: 'lakemesh.rowFilter',
} as const;
const ROLE_PROPERTY_NAMES: readonly string[] = Object.values(LAKEMESH_ROLE_PROPERTIES);

export interface RoleSettings {
  readonly excludeColumns: string[];
  readonly includeColumns: string[];
  readonly rowFilter?: RowFilterSpec;
}

function isLakemeshProperty(property: OdcsCustomProperty): boolean {
  return property.property.toLowerCase().startsWith(LAKEMESH_PREFIX);
}

/** lakemesh defines no properties outside roles; one found elsewhere would silently do nothing. */
export function checkNoLakemeshProperties(
  ctx: ContractContext,
  properties: readonly OdcsCustomProperty[] | undefined,
  path: readonly PathSegment[],
): void {
  properties?.forEach((property, index) => {
    if (!isLakemeshProperty(property)) return;
    ctx.report(
      CONTRACT_CODES.misplacedLakemeshProperty,
      [...path, index, 'property'],
      `lakemesh property "${property.property}" has no effect here; lakemesh properties belong in roles[].customProperties (${ROLE_PROPERTY_NAMES.join(', ')})`,
    );
  });
}

/** The lakemesh settings of one role (`path` points at the role). */
export function roleSettings(
  ctx: ContractContext,
  properties: readonly OdcsCustomProperty[] | undefined,
  path: readonly PathSegment[],
  roleName: string,
  tables: readonly ContractTable[],
): RoleSettings {
  const settings: { excludeColumns: string[]; includeColumns: string[]; rowFilter?: RowFilterSpec } = {
    excludeColumns: [],
    includeColumns: [],
  };
  const seen = new Set<string>();
  let includePath: readonly PathSegment[] = [];
  properties?.forEach((property, index) => {
    if (!isLakemeshProperty(property)) return;
    const propertyPath = [...path, 'customProperties', index];
    const name = property.property;
    if (!ROLE_PROPERTY_NAMES.includes(name)) {
      ctx.report(
        CONTRACT_CODES.unknownLakemeshProperty,
        [...propertyPath, 'property'],
        `unknown lakemesh property "${name}"${didYouMean(name, ROLE_PROPERTY_NAMES) || `; lakemesh role properties are ${ROLE_PROPERTY_NAMES.join(', ')}`}`,
      );
      return;
    }
    if (seen.has(name)) {
      ctx.report(CONTRACT_CODES.duplicateLakemeshProperty, [...propertyPath, 'property'], `${name} is set twice on role "${roleName}"; keep one`);
      return;
    }
    seen.add(name);
    const valuePath = [...propertyPath, 'value'];
    if (name === LAKEMESH_ROLE_PROPERTIES.rowFilter) {
      settings.rowFilter = rowFilter(ctx, property.value, valuePath, tables);
    } else {
      const columns = columnList(ctx, name, property.value, valuePath, tables);
      if (name === LAKEMESH_ROLE_PROPERTIES.excludeColumns) settings.excludeColumns = columns;
      else {
        settings.includeColumns = columns;
        includePath = valuePath;
      }
    }
  });

  for (const column of settings.includeColumns) {
    if (settings.excludeColumns.includes(column)) {
      ctx.report(
        CONTRACT_CODES.includeExcludeConflict,
        includePath,
        `column "${column}" is in both ${LAKEMESH_ROLE_PROPERTIES.excludeColumns} and ${LAKEMESH_ROLE_PROPERTIES.includeColumns} of role "${roleName}"; keep it in one of them`,
      );
    }
  }
  return settings;
}

function columnList(
  ctx: ContractContext,
  name: string,
  value: unknown,
  path: readonly PathSegment[],
  tables: readonly ContractTable[],
): string[] {
  if (!Array.isArray(value)) {
    ctx.report(CONTRACT_CODES.invalidLakemeshValue, path, `${name} must be a list of column names, got ${describe(value)}`);
    return [];
  }
  const resolved = new Set<string>();
  value.forEach((entry: unknown, index) => {
    if (typeof entry !== 'string' || entry.trim() === '') {
      ctx.report(CONTRACT_CODES.invalidLakemeshValue, [...path, index], `${name} entries must be column names, got ${describe(entry)}`);
      return;
    }
    const column = resolveColumn(ctx, name, entry.trim(), [...path, index], tables);
    if (column !== undefined) resolved.add(column);
  });
  return [...resolved];
}

/** `column` or `table.column` → its Glue name, or undefined after reporting. */
function resolveColumn(
  ctx: ContractContext,
  name: string,
  entry: string,
  path: readonly PathSegment[],
  tables: readonly ContractTable[],
): string | undefined {
  const dot = entry.indexOf('.');
  if (dot >= 0) {
    const tableRef = entry.slice(0, dot);
    const columnRef = entry.slice(dot + 1);
    const table = findTable(tables, tableRef);
    if (!table) {
      const hint = didYouMean(tableRef, tables.map((t) => t.name));
      ctx.report(CONTRACT_CODES.unknownColumn, path, `${name} names "${entry}", but this contract has no table "${tableRef}"${hint}`);
      return undefined;
    }
    const column = findColumn(allColumns(table), columnRef);
    if (!column) {
      const hint = didYouMean(columnRef, allColumns(table).map((c) => c.name));
      ctx.report(CONTRACT_CODES.unknownColumn, path, `${name} names "${entry}", but table "${table.name}" has no column "${columnRef}"${hint}`);
      return undefined;
    }
    return `${table.name}.${column.name}`;
  }
  const everyColumn = tables.flatMap(allColumns);
  const column = findColumn(everyColumn, entry);
  if (!column) {
    const hint = didYouMean(entry, everyColumn.map((c) => c.name));
    ctx.report(CONTRACT_CODES.unknownColumn, path, `${name} names column "${entry}", which no table in this contract has${hint}`);
    return undefined;
  }
  return column.name;
}

function rowFilter(
  ctx: ContractContext,
  value: unknown,
  path: readonly PathSegment[],
  tables: readonly ContractTable[],
): RowFilterSpec | undefined {
  const name = LAKEMESH_ROLE_PROPERTIES.rowFilter;
  if (typeof value === 'string') {
    if (value.trim() === '') {
      ctx.report(CONTRACT_CODES.invalidLakemeshValue, path, `${name} is empty; write a PartiQL condition such as "country = 'DE'", or remove the property`);
      return undefined;
    }
    if (refuseUnacceptedCharacter(ctx, value, path)) return undefined;
    return { kind: 'all-tables', expression: value.trim() };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) {
    ctx.report(
      CONTRACT_CODES.invalidLakemeshValue,
      path,
      `${name} must be a PartiQL condition (a string) for every table, or a mapping of table name to condition, got ${describe(value)}`,
    );
    return undefined;
  }
  const expressions: Record<string, string> = {};
  for (const [tableRef, expression] of Object.entries(value)) {
    const table = findTable(tables, tableRef);
    if (!table) {
      const hint = didYouMean(tableRef, tables.map((t) => t.name));
      ctx.report(CONTRACT_CODES.unknownRowFilterTable, [...path, tableRef], `${name} names table "${tableRef}", which this contract does not define${hint}`, { key: true });
      continue;
    }
    if (typeof expression !== 'string' || expression.trim() === '') {
      ctx.report(CONTRACT_CODES.invalidLakemeshValue, [...path, tableRef], `${name} for table "${tableRef}" must be a PartiQL condition (a non-empty string), got ${describe(expression)}`);
      continue;
    }
    if (refuseUnacceptedCharacter(ctx, expression, [...path, tableRef])) continue;
    expressions[table.name] = expression.trim();
  }
  return { kind: 'per-table', expressions };
}

/**
 * Characters Lake Formation refuses in `RowFilter.FilterExpression` (its pattern admits tab, line
 * breaks and printable Unicode only). Caught here, a stray control character fails validation
 * instead of the deploy.
 * @see https://docs.aws.amazon.com/lake-formation/latest/APIReference/API_RowFilter.html
 */
const NOT_IN_FILTER_EXPRESSION = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function refuseUnacceptedCharacter(ctx: ContractContext, expression: string, path: readonly PathSegment[]): boolean {
  const found = NOT_IN_FILTER_EXPRESSION.exec(expression);
  if (!found) return false;
  const codePoint = `U+${(found[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  ctx.report(
    CONTRACT_CODES.invalidLakemeshValue,
    path,
    `${LAKEMESH_ROLE_PROPERTIES.rowFilter} contains the character ${codePoint} at position ${found.index + 1}, which Lake Formation does not accept in a filter expression; remove it (tabs and line breaks are fine)`,
  );
  return true;
}

function allColumns(table: ContractTable): ContractColumn[] {
  return [...table.columns, ...table.partitionKeys];
}

function findTable(tables: readonly ContractTable[], ref: string): ContractTable | undefined {
  const wanted = ref.toLowerCase();
  return tables.find((t) => t.name === wanted) ?? tables.find((t) => t.logicalName.toLowerCase() === wanted);
}

function findColumn(columns: readonly ContractColumn[], ref: string): ContractColumn | undefined {
  const wanted = ref.toLowerCase();
  return columns.find((c) => c.name === wanted) ?? columns.find((c) => c.logicalName.toLowerCase() === wanted);
}
