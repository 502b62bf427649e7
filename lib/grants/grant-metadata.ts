/**
 * The audit trail each Lake Formation grant resource carries in its CloudFormation `Metadata`
 * under `lakemesh:grant`. Written by `ContractGrant`, read by the `DataMeshChecks` nag pack and by
 * `lakemesh audit` / `drift`, so the template alone answers "who can read what, under which
 * contract". Changing a field name is a breaking change of the audit JSON.
 */
export const GRANT_METADATA_KEY = 'lakemesh:grant';

export interface GrantMetadata {
  /** `<domain>.<product>` */
  readonly product: string;
  /** Glue table name, or null for the database-level grant. */
  readonly table: string | null;
  readonly consumer: string;
  readonly contractId: string;
  readonly contractVersion: string;
  /** The contract roles this (principal, resource) pair was granted through (merged grants list several). */
  readonly roles: readonly string[];
  readonly purposes: readonly string[];
  readonly requestedBy: readonly string[];
  readonly approvedBy: readonly string[];
  /** Earliest expiry among the merged grants (ISO date), or null. */
  readonly expires: string | null;
  /** Columns the principal can select (partition keys included); empty for database grants. */
  readonly columns: readonly string[];
  /** Columns of the table withheld from the principal. */
  readonly withheldColumns: readonly string[];
  /** Columns classified with the ontology's most sensitive value that are granted (each named by an `includeColumns` of one of `roles`). */
  readonly restrictedColumnsGranted: readonly string[];
  /** The PartiQL row filter, or null. */
  readonly rowFilter: string | null;
}

/**
 * Metadata on every data store and table, so nag rules and the audit know what they belong to.
 * Key `lakemesh:product` with `{ product, contractId, contractVersion, owner }`.
 */
export const PRODUCT_METADATA_KEY = 'lakemesh:product';

export interface ProductMetadata {
  readonly product: string;
  readonly contractId: string;
  readonly contractVersion: string;
  readonly owner: string;
}
