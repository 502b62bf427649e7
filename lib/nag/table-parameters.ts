/**
 * Glue table `Parameters` keys that name a product table's contract and owner. The `DataProduct`
 * construct writes them; `DataMesh-SharedTablesHaveOwnerAndContract` requires them. They sit next
 * to `COLUMN_CLASSIFICATION_PARAMETER` (`lakemesh.classification`) in the `lakemesh.` namespace so
 * that anyone browsing the Data Catalog (Athena, Glue console) sees who owns a table and under which
 * contract it is shared.
 */

/** The ODCS contract `id` the table is described by. */
export const TABLE_CONTRACT_ID_PARAMETER = 'lakemesh.contractId';

/** The contract `version` the table was synthesized from. */
export const TABLE_CONTRACT_VERSION_PARAMETER = 'lakemesh.contractVersion';

/** Who owns the table: the owning domain's `owner` (a team address). */
export const TABLE_OWNER_PARAMETER = 'lakemesh.owner';

/** Every parameter a product table must carry, in the order they are reported. */
export const REQUIRED_TABLE_PARAMETERS: readonly string[] = [
  TABLE_CONTRACT_ID_PARAMETER,
  TABLE_CONTRACT_VERSION_PARAMETER,
  TABLE_OWNER_PARAMETER,
];
