/**
 * What one contract role lets a consumer read, table by table. Pure: no CDK, no I/O. The grant
 * constructs, the nag pack and the audit all rest on this one reading of the contract.
 *
 * Rules, in order: start from every column (storage columns, then partition keys); drop the role's
 * `lakemesh.excludeColumns` (`col` on every table that has it, `table.col` on one table); drop
 * columns classified with the restricted classification unless `lakemesh.includeColumns` names
 * them (exclusion wins over inclusion); attach the role's `lakemesh.rowFilter` (one expression for
 * all tables, or per table).
 */
import { ContractRole, ContractTable, DataContract } from '../contract/model';
import { Problem, ProblemCollector, LakemeshError } from '../errors';
import { didYouMean } from '../source/did-you-mean';
import { GRANT_CODES } from './grant-codes';
import { rowFilterProblems } from './row-filter';

/** The classification withheld from every grant unless a role includes the column. */
export const DEFAULT_RESTRICTED_CLASSIFICATION = 'restricted';

export interface TableAccessOptions {
  /** The ontology's most sensitive classification value (compared case-insensitively). */
  readonly restrictedClassification: string;
}

/** What a role grants on one table. Column lists keep the contract's order. */
export interface TableAccess {
  /** Glue table name. */
  readonly table: string;
  /** Columns the role may select, partition keys included. Never empty. */
  readonly columns: readonly string[];
  /** The table's other columns. */
  readonly withheldColumns: readonly string[];
  /** Every column of the table carrying the restricted classification, granted or not. */
  readonly restrictedColumns: readonly string[];
  /** The role's `lakemesh.includeColumns` entries that name columns of this table. */
  readonly includeColumns: readonly string[];
  /** The PartiQL row filter for this table, if the role has one. */
  readonly rowFilter?: string;
}

/**
 * Works out, for every table of `contract`, what `roleName` grants. Throws one `LakemeshError`
 * carrying every problem found (codes LM380–LM387).
 */
export function planTableAccess(
  contract: DataContract,
  roleName: string,
  options: TableAccessOptions,
): TableAccess[] {
  const roleIndex = contract.roles.findIndex((candidate) => candidate.name === roleName);
  if (roleIndex === -1) throw roleNotFound(contract, roleName);
  const role = contract.roles[roleIndex];
  const path = `roles[${roleIndex}]`;
  if (role.access !== 'read') {
    throw new LakemeshError([
      {
        code: GRANT_CODES.roleNotReadable,
        path: `${path}.access`,
        location: role.location,
        message: `role "${role.name}" of contract "${contract.id}" has access "${role.access}"; consumers can only be granted roles with access "read": name a read role in the grant`,
      },
    ]);
  }

  const problems = new ProblemCollector();
  const located = (problem: Problem): Problem => ({ ...problem, location: role.location });
  const excluded = resolveColumnReferences(contract.tables, role.excludeColumns, 'excludeColumns', role, path);
  const included = resolveColumnReferences(contract.tables, role.includeColumns, 'includeColumns', role, path);
  const rowFilters = resolveRowFilters(contract.tables, role, path);
  problems.addAll([...excluded.problems, ...included.problems, ...rowFilters.problems].map(located));

  const restricted = options.restrictedClassification.toLowerCase();
  const access = contract.tables.map((table): TableAccess => {
    const all = [...table.columns, ...table.partitionKeys];
    const excludedHere = excluded.byTable.get(table.name) ?? new Set<string>();
    const includedHere = included.byTable.get(table.name) ?? new Set<string>();
    const restrictedColumns = all.filter((column) => column.classification?.toLowerCase() === restricted);
    const isRestricted = new Set(restrictedColumns.map((column) => column.name));
    const granted = all
      .map((column) => column.name)
      .filter((name) => !excludedHere.has(name) && (!isRestricted.has(name) || includedHere.has(name)));
    const grantedSet = new Set(granted);
    const rowFilter = rowFilters.byTable.get(table.name);
    if (granted.length === 0) {
      problems.add(located(noColumnsLeft(contract, role, table, path)));
    }
    if (rowFilter !== undefined) {
      problems.addAll(rowFilterProblems(rowFilter, table, role.name, `${path}.lakemesh.rowFilter`).map(located));
    }
    return {
      table: table.name,
      columns: granted,
      withheldColumns: all.map((column) => column.name).filter((name) => !grantedSet.has(name)),
      restrictedColumns: restrictedColumns.map((column) => column.name),
      includeColumns: all.map((column) => column.name).filter((name) => includedHere.has(name)),
      ...(rowFilter === undefined ? {} : { rowFilter }),
    };
  });
  problems.throwIfAny();
  return access;
}

function roleNotFound(contract: DataContract, roleName: string): LakemeshError {
  const names = contract.roles.map((role) => role.name);
  const known = names.length === 0
    ? 'the contract defines no roles: add one under roles[]'
    : `roles: ${names.join(', ')}`;
  return new LakemeshError([
    {
      code: GRANT_CODES.roleNotFound,
      path: 'role',
      message: `role "${roleName}" is not a role of contract "${contract.id}" (${known})${didYouMean(roleName, names)}`,
    },
  ]);
}

function noColumnsLeft(contract: DataContract, role: ContractRole, table: ContractTable, path: string): Problem {
  return {
    code: GRANT_CODES.noColumnsLeft,
    path,
    message: `role "${role.name}" of contract "${contract.id}" leaves table "${table.name}" with no column to grant; remove some of its columns from lakemesh.excludeColumns, or name restricted ones in lakemesh.includeColumns`,
  };
}

interface ResolvedColumns {
  /** Table name -> column names. */
  readonly byTable: Map<string, Set<string>>;
  readonly problems: Problem[];
}

/** Resolves `col` (every table having it) and `table.col` entries, reporting those that match nothing. */
function resolveColumnReferences(
  tables: readonly ContractTable[],
  entries: readonly string[],
  property: 'excludeColumns' | 'includeColumns',
  role: ContractRole,
  rolePath: string,
): ResolvedColumns {
  const byTable = new Map<string, Set<string>>();
  const problems: Problem[] = [];
  const add = (table: string, column: string) => {
    const set = byTable.get(table) ?? new Set<string>();
    set.add(column);
    byTable.set(table, set);
  };
  const allColumnNames = new Set(tables.flatMap((table) => columnNames(table)));
  entries.forEach((entry, index) => {
    const path = `${rolePath}.lakemesh.${property}[${index}]`;
    const where = `role "${role.name}": lakemesh.${property} entry "${entry}"`;
    const dot = entry.indexOf('.');
    if (dot === -1) {
      const wanted = entry.toLowerCase();
      const having = tables.filter((table) => columnNames(table).includes(wanted));
      for (const table of having) add(table.name, wanted);
      if (having.length === 0) {
        problems.push({
          code: GRANT_CODES.unknownColumnReference,
          path,
          message: `${where} names no column of any table: write an existing column name, or table.column${didYouMean(entry, allColumnNames)}`,
        });
      }
      return;
    }
    const tableName = entry.slice(0, dot).toLowerCase();
    const columnName = entry.slice(dot + 1).toLowerCase();
    const table = findTable(tables, tableName);
    if (!table) {
      problems.push({
        code: GRANT_CODES.unknownColumnReference,
        path,
        message: `${where} names table "${entry.slice(0, dot)}", which the contract does not define (tables: ${tables.map((t) => t.name).join(', ')})${didYouMean(tableName, tables.map((t) => t.name))}`,
      });
      return;
    }
    if (!columnNames(table).includes(columnName)) {
      problems.push({
        code: GRANT_CODES.unknownColumnReference,
        path,
        message: `${where} names column "${entry.slice(dot + 1)}", which table "${table.name}" does not have${didYouMean(columnName, columnNames(table))}`,
      });
      return;
    }
    add(table.name, columnName);
  });
  return { byTable, problems };
}

interface ResolvedRowFilters {
  readonly byTable: Map<string, string>;
  readonly problems: Problem[];
}

function resolveRowFilters(tables: readonly ContractTable[], role: ContractRole, rolePath: string): ResolvedRowFilters {
  const byTable = new Map<string, string>();
  const problems: Problem[] = [];
  const spec = role.rowFilter;
  if (spec === undefined) return { byTable, problems };
  if (spec.kind === 'all-tables') {
    for (const table of tables) byTable.set(table.name, spec.expression);
    return { byTable, problems };
  }
  const tableNames = tables.map((table) => table.name);
  for (const [key, expression] of Object.entries(spec.expressions).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const table = findTable(tables, key.toLowerCase());
    if (table) {
      byTable.set(table.name, expression);
      continue;
    }
    problems.push({
      code: GRANT_CODES.unknownRowFilterTable,
      path: `${rolePath}.lakemesh.rowFilter.${key}`,
      message: `role "${role.name}": lakemesh.rowFilter names table "${key}", which the contract does not define (tables: ${tableNames.join(', ')})${didYouMean(key, tableNames)}`,
    });
  }
  return { byTable, problems };
}

function findTable(tables: readonly ContractTable[], lowerName: string): ContractTable | undefined {
  return tables.find((table) => table.name === lowerName || table.logicalName.toLowerCase() === lowerName);
}

function columnNames(table: ContractTable): string[] {
  return [...table.columns, ...table.partitionKeys].map((column) => column.name);
}
