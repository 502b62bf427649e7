/**
 * What `diffContracts` returns: every difference between two versions of one data contract,
 * classified by what it does to the consumers of the data product.
 */

/**
 * - `breaking`: existing consumers, grants or stored data stop working (needs a new major version).
 * - `warning`: consumers may notice (constraints, keys, access narrowed); review it.
 * - `info`: additions, relaxations and documentation.
 */
export type ChangeSeverity = 'breaking' | 'warning' | 'info';

/** Severities from the most to the least serious: the order changes are listed in. */
export const CHANGE_SEVERITIES: readonly ChangeSeverity[] = ['breaking', 'warning', 'info'];

/** Stable rule ids. They are API (the JSON output and the contract lock carry them): never reuse one. */
export type ChangeCode =
  // the contract as a whole
  | 'contract-id-changed'
  | 'domain-changed'
  | 'product-renamed'
  | 'product-name-changed'
  | 'api-version-changed'
  | 'status-changed'
  | 'status-deprecated'
  | 'status-unshared'
  | 'status-retired'
  | 'version-unchanged'
  | 'version-decreased'
  | 'owner-changed'
  | 'description-changed'
  | 'storage-format-changed'
  // tables and other schema objects
  | 'table-added'
  | 'table-removed'
  | 'object-added'
  | 'object-removed'
  | 'partition-keys-changed'
  | 'primary-key-changed'
  | 'column-order-changed'
  | 'quality-rule-added'
  | 'quality-rule-changed'
  | 'quality-rule-removed'
  | 'table-description-changed'
  // columns
  | 'column-added'
  | 'column-removed'
  | 'column-type-changed'
  | 'column-type-widened'
  | 'column-logical-type-changed'
  | 'column-required-tightened'
  | 'column-required-relaxed'
  | 'column-unique-tightened'
  | 'column-unique-relaxed'
  | 'column-enum-narrowed'
  | 'column-enum-widened'
  | 'column-constraint-tightened'
  | 'column-constraint-relaxed'
  | 'column-constraint-changed'
  | 'column-classification-raised'
  | 'column-classification-lowered'
  | 'column-classification-changed'
  | 'column-description-changed'
  // roles
  | 'role-added'
  | 'role-removed'
  | 'role-access-changed'
  | 'role-columns-narrowed'
  | 'role-columns-widened'
  | 'role-row-filter-changed'
  | 'role-row-filter-removed'
  | 'role-description-changed'
  // service levels
  | 'sla-retention-shortened'
  | 'sla-retention-extended'
  | 'sla-freshness-tightened'
  | 'sla-freshness-loosened'
  | 'sla-freshness-changed';

export interface ContractChange {
  readonly severity: ChangeSeverity;
  /** Stable rule id, e.g. `column-type-changed`. */
  readonly code: ChangeCode;
  /** Where: `id`, `orders`, `orders.amount`, `roles.analyst`, `sla.retention`, … */
  readonly path: string;
  /** Lower-case, shows the old and the new value, e.g. `type changed from int to string`. */
  readonly message: string;
}

export interface ContractDiff {
  /** Breaking first, then warnings, then info; within a severity by path, then code. */
  readonly changes: readonly ContractChange[];
  /** The `version` of each contract as written. */
  readonly oldVersion: string;
  readonly newVersion: string;
  /** The new version may break compatibility (see `allowsBreakingChanges` in `./semver.ts`). */
  readonly majorBumped: boolean;
  /** At least one change is `breaking`. */
  readonly breaking: boolean;
  /** `breaking && !majorBumped`: the change must not ship under this version. */
  readonly blocked: boolean;
}
