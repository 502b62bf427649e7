/** Finding and naming the columns of a contract table for the DQDL compiler. */
import { ContractColumn, ContractTable } from '../contract/model';

/** Storage columns and partition keys in the order the contract lists them (by source position). */
export function columnsInContractOrder(table: ContractTable): ContractColumn[] {
  return [...table.columns, ...table.partitionKeys].sort(
    (a, b) => a.location.line - b.location.line || a.location.column - b.location.column,
  );
}

/** A column by its Glue name or its ODCS name, ignoring case (Glue stores names in lower case). */
export function findColumn(table: ContractTable, name: string): ContractColumn | undefined {
  const wanted = name.trim().toLowerCase();
  return columnsInContractOrder(table).find(
    (column) => column.name.toLowerCase() === wanted || column.logicalName.toLowerCase() === wanted,
  );
}

/** True when `name` is the table's Glue name or ODCS name, ignoring case. */
export function isTableNamed(table: ContractTable, name: string): boolean {
  const wanted = name.trim().toLowerCase();
  return table.name.toLowerCase() === wanted || table.logicalName.toLowerCase() === wanted;
}

export function tablePath(table: ContractTable): string {
  return `schema.${table.logicalName}`;
}

export function columnPath(table: ContractTable, column: ContractColumn): string {
  return `${tablePath(table)}.properties.${column.logicalName}`;
}

/** True for a `date` column (Glue type or ODCS logical type). */
export function isDateColumn(column: ContractColumn): boolean {
  return column.type.toLowerCase() === 'date' || column.logicalType === 'date';
}

/** True for a `date` or `timestamp` column (Glue type or ODCS logical type). */
export function isTemporalColumn(column: ContractColumn): boolean {
  const type = column.type.toLowerCase();
  return type === 'date' || type.startsWith('timestamp')
    || column.logicalType === 'date' || column.logicalType === 'timestamp';
}
