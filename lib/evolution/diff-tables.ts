/**
 * Tables (matched by Glue name) and their columns. Removing a table or a column, or changing the
 * partition keys (names, order or types), breaks queries and the stored data layout; adding is info.
 */
import { ContractColumn, ContractTable } from '../contract/model';
import { ChangeSet } from './change-set';
import { nameList, plain, show } from './describe';
import { diffColumn } from './diff-columns';
import { diffQuality } from './diff-quality';

export interface TableDiffOptions {
  /** Classification values from the least to the most sensitive. */
  readonly classifications: readonly string[];
  /** True when the stored files are read by column position (CSV), so column order is part of the contract. */
  readonly positionalColumns: boolean;
}

export function diffTables(
  changes: ChangeSet,
  old: readonly ContractTable[],
  next: readonly ContractTable[],
  options: TableDiffOptions,
): void {
  const nextByName = new Map(next.map((table) => [table.name, table]));
  for (const table of old) {
    const counterpart = nextByName.get(table.name);
    if (counterpart) diffTable(changes, table, counterpart, options);
    else changes.breaking('table-removed', table.name, `table removed (it had ${table.columns.length + table.partitionKeys.length} columns)`);
  }
  const oldNames = new Set(old.map((table) => table.name));
  for (const table of next) {
    if (!oldNames.has(table.name)) changes.info('table-added', table.name, `table added with columns ${nameList(allColumns(table).map((column) => column.name))}`);
  }
}

function diffTable(changes: ChangeSet, old: ContractTable, next: ContractTable, options: TableDiffOptions): void {
  const path = old.name;
  if (old.description !== next.description) {
    changes.info('table-description-changed', path, `description changed from ${show(old.description)} to ${show(next.description)}`);
  }
  const oldKeys = old.partitionKeys.map(partitionKeyText);
  const newKeys = next.partitionKeys.map(partitionKeyText);
  if (oldKeys.join() !== newKeys.join()) {
    changes.breaking('partition-keys-changed', path, `partition keys changed from ${nameList(oldKeys)} to ${nameList(newKeys)}`);
  }
  if (old.primaryKey.join() !== next.primaryKey.join()) {
    changes.warning('primary-key-changed', path, `primary key changed from ${nameList(old.primaryKey)} to ${nameList(next.primaryKey)}`);
  }
  diffColumnOrder(changes, path, old, next, options.positionalColumns);
  diffQuality(changes, path, old.quality, next.quality);
  diffColumns(changes, old, next, options);
}

function diffColumns(changes: ChangeSet, old: ContractTable, next: ContractTable, options: TableDiffOptions): void {
  const nextColumns = new Map(allColumns(next).map((column) => [column.name, column]));
  for (const column of allColumns(old)) {
    const path = `${old.name}.${column.name}`;
    const counterpart = nextColumns.get(column.name);
    if (!counterpart) {
      changes.breaking('column-removed', path, `column removed (it was ${column.type})`);
      continue;
    }
    // A partition key's type belongs to the partition layout, compared above.
    const compareTypes = !column.partitioned && !counterpart.partitioned;
    diffColumn(changes, path, column, counterpart, { classifications: options.classifications, compareTypes });
  }
  const oldNames = new Set(allColumns(old).map((column) => column.name));
  for (const column of allColumns(next)) {
    if (oldNames.has(column.name)) continue;
    const traits = [column.type, ...(column.required ? ['required'] : []), ...(column.classification ? [column.classification] : [])];
    changes.info('column-added', `${next.name}.${column.name}`, `column added (${traits.join(', ')})`);
  }
}

/**
 * Column order matters only where files are read by position (CSV): there, columns kept in both
 * versions must stay in order and new ones may only be appended. Elsewhere (Parquet, ORC, Avro and
 * JSON are read by name) a reorder is info.
 */
function diffColumnOrder(changes: ChangeSet, path: string, old: ContractTable, next: ContractTable, positional: boolean): void {
  const before = old.columns.map((column) => column.name);
  const after = next.columns.map((column) => column.name);
  if (positional) {
    const appendedOnly = before.every((name, index) => after[index] === name);
    const removedOnly = after.every((name, index) => before[index] === name);
    if (!appendedOnly && !removedOnly) {
      changes.breaking(
        'column-order-changed',
        path,
        `column order changed from ${nameList(before)} to ${nameList(after)}; csv files are read by position, so keep existing columns in order and append new ones at the end`,
      );
    }
    return;
  }
  const kept = before.filter((name) => after.includes(name));
  const keptAfter = after.filter((name) => before.includes(name));
  if (kept.join() !== keptAfter.join()) {
    changes.info('column-order-changed', path, `column order changed from ${nameList(kept)} to ${nameList(keptAfter)}`);
  }
}

function allColumns(table: ContractTable): readonly ContractColumn[] {
  return [...table.columns, ...table.partitionKeys];
}

function partitionKeyText(column: ContractColumn): string {
  return `${column.name} ${plain(column.type)}`;
}
