/**
 * Problem codes of the contract parser (LM100–LM199). Codes are API: tests and users match on
 * them, so a code is never reused for a different problem. Structural problems (unknown key,
 * wrong type, missing, invalid value) use the shared `SCHEMA_CODES` (LM010–LM013).
 */
export const CONTRACT_CODES = {
  /** A Data Contract Specification file (`dataContractSpecification:`), not ODCS. */
  dataContractSpecification: 'LM100',
  /** An ODCS v2 contract. */
  odcsV2: 'LM101',
  /** An `apiVersion` other than v3.0.x / v3.1.x. */
  unsupportedApiVersion: 'LM102',
  /** `kind` other than `DataContract`. */
  wrongKind: 'LM103',
  /** `dataProduct` / `name` / `id` that yields an empty product slug. */
  emptyProductSlug: 'LM104',

  /** A Hive-looking `physicalType` with impossible parameters, e.g. `decimal(40,2)`. */
  invalidPhysicalType: 'LM110',
  /** No Glue type can be derived from `physicalType` / `logicalType`. */
  unmappableType: 'LM111',
  /** `logicalTypeOptions` precision/scale that no Glue decimal can hold. */
  invalidTypeOptions: 'LM112',

  /** A table name Glue / Athena cannot use. */
  invalidTableName: 'LM120',
  /** A column (or nested field) name Glue / Athena cannot use. */
  invalidColumnName: 'LM121',
  duplicateTable: 'LM122',
  duplicateColumn: 'LM123',
  duplicatePartitionPosition: 'LM124',
  missingPartitionPosition: 'LM125',
  /** A partition key of array/map/struct type. */
  complexPartitionKey: 'LM126',

  /** A `lakemesh.*` role property lakemesh does not define. */
  unknownLakemeshProperty: 'LM130',
  /** A `lakemesh.*` property outside `roles[].customProperties`. */
  misplacedLakemeshProperty: 'LM131',
  /** A `lakemesh.*` property whose value has the wrong shape. */
  invalidLakemeshValue: 'LM132',
  /** `lakemesh.excludeColumns` / `includeColumns` naming a column the contract does not have. */
  unknownColumn: 'LM133',
  /** `lakemesh.rowFilter` keyed by a table the contract does not have. */
  unknownRowFilterTable: 'LM134',
  /** The same column both excluded and included on one role. */
  includeExcludeConflict: 'LM135',
  /** The same `lakemesh.*` property twice on one role. */
  duplicateLakemeshProperty: 'LM136',
  duplicateRole: 'LM137',

  invalidRetention: 'LM140',
  invalidFreshness: 'LM141',
  duplicateSla: 'LM142',

  /** `mustBeBetween` / `mustNotBeBetween` with the larger number first. */
  invalidQualityRange: 'LM150',

  /** A contract used as a data product has schema objects that are not tables. */
  notATable: 'LM160',
  /** A contract used as a data product has no tables. */
  noTables: 'LM161',
} as const;
