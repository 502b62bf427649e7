/**
 * Rules implied by a column's declaration: `required`, `unique` and the table's primary key.
 * `logicalTypeOptions` are compiled in `type-options.ts`.
 */
import { ContractColumn, ContractTable } from '../contract/model';
import { dqdlColumn, dqdlString, unquotableColumnReason } from './dqdl';
import { notNullCondition } from './spark-sql';
import { columnPath, tablePath } from './table-columns';
import { LocatedOutcome, QualitySkipCode, compiled, skip } from './types';

/** `IsPrimaryKey "a" "b"` for the table's primary key columns, in key order. */
export function compilePrimaryKey(table: ContractTable): LocatedOutcome | undefined {
  if (table.primaryKey.length === 0) return undefined;
  const path = `${tablePath(table)}.primaryKey`;
  for (const name of table.primaryKey) {
    const reason = unquotableColumnReason(name);
    if (reason) return { path, location: table.location, outcome: skip(QualitySkipCode.unquotableColumn, reason) };
  }
  return {
    path,
    location: table.location,
    outcome: compiled(`IsPrimaryKey ${table.primaryKey.map(dqdlColumn).join(' ')}`),
  };
}

/**
 * `IsComplete` for `required`, `IsUnique` for `unique`. A column that alone is the primary key needs
 * neither: `IsPrimaryKey` checks both.
 */
export function compileRequiredAndUnique(table: ContractTable, column: ContractColumn): LocatedOutcome[] {
  const isWholeKey = table.primaryKey.length === 1 && table.primaryKey[0] === column.name;
  if (isWholeKey) return [];
  const path = columnPath(table, column);
  const outcomes: LocatedOutcome[] = [];
  if (column.required) {
    outcomes.push({ path: `${path}.required`, location: column.location, outcome: compiled(`IsComplete ${dqdlColumn(column.name)}`) });
  }
  if (column.unique) {
    outcomes.push({ path: `${path}.unique`, location: column.location, outcome: compiled(`IsUnique ${dqdlColumn(column.name)}`) });
  }
  return outcomes;
}

export interface ColumnCheckOptions {
  /**
   * Add `where "`c` is not null"` so null rows pass. DQDL fails null rows on value checks, while
   * ODCS leaves nulls to `required`/`nullValues`.
   * @default - true when the column is not required
   */
  readonly letNullsPass?: boolean;
  /** A condition on the share of passing rows, e.g. `>= 0.95`. @default - every row must pass */
  readonly threshold?: string;
}

/** `ColumnValues "c" <condition> [where …] [with threshold …]`. */
export function columnValuesRule(column: ContractColumn, condition: string, options: ColumnCheckOptions = {}): string {
  return `ColumnValues ${dqdlColumn(column.name)} ${condition}${suffix(column, options)}`;
}

/** `ColumnLength "c" <condition> [where …]`. */
export function columnLengthRule(column: ContractColumn, condition: string): string {
  return `ColumnLength ${dqdlColumn(column.name)} ${condition}${suffix(column, {})}`;
}

function suffix(column: ContractColumn, options: ColumnCheckOptions): string {
  const letNullsPass = options.letNullsPass ?? !column.required;
  const where = letNullsPass ? ` where ${dqdlString(notNullCondition(column.name))}` : '';
  const threshold = options.threshold ? ` with threshold ${options.threshold}` : '';
  return `${where}${threshold}`;
}
