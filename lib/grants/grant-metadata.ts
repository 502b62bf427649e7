/**
 * The audit trail each Lake Formation grant resource carries in its CloudFormation `Metadata`
 * under `lakemesh:grant`. Written by `ContractGrant`, read by the `DataMeshChecks` nag pack and by
 * `lakemesh audit` / `drift`, so the template alone answers "who can read what, under which
 * contract". Changing a field name is a breaking change of the audit JSON.
 *
 * The record is written as one JSON string (`grantMetadataText`), not as a nested object: a mesh
 * has tens of thousands of grants, and aws-cdk-lib's template validation costs per JSON value of a
 * template; as objects the records were over a third of a mesh's values (docs/sharding.md).
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
  /** Every column of the table classified with the ontology's most sensitive value (granted or not). */
  readonly restrictedColumns: readonly string[];
  /** The `lakemesh.includeColumns` of `roles` that apply to this table: the only restricted columns that may be granted. */
  readonly includeColumns: readonly string[];
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

/**
 * Marks a data store (bucket or KMS key) that holds product data, so that nag rules can tell it from
 * auxiliary stores such as the access-log bucket. Value: `{ domain }`.
 */
export const DATA_STORE_METADATA_KEY = 'lakemesh:data-store';

/** Glue column `Parameters` key carrying the contract classification of the column. */
export const COLUMN_CLASSIFICATION_PARAMETER = 'lakemesh.classification';

/** The record as the JSON string stored under `lakemesh:grant`, fields in `GrantMetadata`'s order. */
export function grantMetadataText(metadata: GrantMetadata): string {
  return JSON.stringify(metadata);
}

/**
 * The record stored under `lakemesh:grant`, read back from a template: the JSON string lakemesh
 * writes, or an object (a hand-written template). Undefined when it is neither, or not JSON.
 */
export function grantMetadataRecord(value: unknown): { readonly [key: string]: unknown } | undefined {
  let record = value;
  if (typeof value === 'string') {
    try {
      record = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return typeof record === 'object' && record !== null && !Array.isArray(record) ? (record as { readonly [key: string]: unknown }) : undefined;
}
