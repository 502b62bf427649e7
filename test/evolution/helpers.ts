/** Builders for contract evolution tests, on top of the shared contract factory. */
import { ContractColumn, ContractTable, DataContract, QualityRule } from '../../lib/contract/model';
import { diffContracts, DiffOptions } from '../../lib/evolution/diff-contracts';
import { ContractChange } from '../../lib/evolution/model';
import { column, contract, ContractOverrides, table, TEST_LOCATION } from '../support/contract-factory';

/** A column with any field overridden (the factory's `column` covers type, classification, partition). */
export function col(name: string, overrides: Partial<ContractColumn> = {}): ContractColumn {
  return { ...column(name, { type: overrides.type }), ...overrides };
}

/** A table with any field overridden. */
export function tbl(name: string, columns: readonly ContractColumn[], overrides: Partial<ContractTable> = {}): ContractTable {
  return { ...table(name, columns, overrides.partitionKeys ?? []), ...overrides };
}

export function rule(overrides: Partial<QualityRule>): QualityRule {
  return { type: 'library', arguments: {}, location: TEST_LOCATION, ...overrides };
}

/** A contract with one table `orders`; `columns` default to order_id and amount decimal(10,2). */
export function ordersWith(columns?: readonly ContractColumn[], overrides: ContractOverrides = {}): DataContract {
  return contract({
    tables: [tbl('orders', columns ?? [col('order_id'), col('amount', { type: 'decimal(10,2)' })])],
    ...overrides,
  });
}

/**
 * The changes from `old` to `next`, where `next` gets a minor version bump unless it sets its own
 * version (so that the version rules stay out of tests about other rules).
 */
export function changesBetween(old: DataContract, next: DataContract, options?: DiffOptions): ContractChange[] {
  const bumped = next.version === old.version ? { ...next, version: '1.3.0' } : next;
  return [...diffContracts(old, bumped, options).changes];
}

/** `changesBetween` for two versions of the `orders` table's column list. */
export function columnChanges(old: readonly ContractColumn[], next: readonly ContractColumn[]): ContractChange[] {
  return changesBetween(ordersWith(old), ordersWith(next));
}
