/**
 * The typed model of an ODCS v3 data contract, as lakemesh acts on it. Produced by
 * `parseContract` / `loadContract` (see `./load-contract.ts`); everything downstream (constructs,
 * planning, audit, diff) reads this model, never raw YAML.
 */
import { SourceLocation } from '../errors';

export type ContractStatus = 'proposed' | 'draft' | 'active' | 'deprecated' | 'retired' | (string & {});

/** ODCS statuses that lakemesh gates on (DESIGN.md §3.1). Other statuses are treated like `active`. */
export const UNSHARED_STATUSES: readonly string[] = ['draft', 'proposed'];

export interface DataContract {
  /** The file it was read from, as given. */
  readonly file: string;
  /** `v3.0.0` … `v3.1.0`. */
  readonly apiVersion: string;
  readonly id: string;
  readonly version: string;
  readonly status: ContractStatus;
  /** ODCS `domain`; in a mesh it must equal the owning domain's name. */
  readonly domain?: string;
  /** ODCS `dataProduct` (falls back to `name`). */
  readonly dataProduct?: string;
  /** Slug of `dataProduct`: lowercase, runs of other than [a-z0-9] become `_`, trimmed. */
  readonly productSlug: string;
  readonly description?: ContractDescription;
  /** Owner: the team name, or the first member whose role names an owner. */
  readonly owner?: string;
  readonly tables: readonly ContractTable[];
  /** Schema objects that are not tables (e.g. Kafka topics): parsed, but cannot be provisioned. */
  readonly otherObjects: readonly ContractObjectRef[];
  readonly roles: readonly ContractRole[];
  readonly sla: ContractSla;
  readonly servers: readonly ContractServer[];
  /** Stable SHA-256 of the canonical (key-sorted) contract content; used by the contract lock. */
  readonly fingerprint: string;
  readonly location: SourceLocation;
}

export interface ContractDescription {
  readonly purpose?: string;
  readonly usage?: string;
  readonly limitations?: string;
}

export interface ContractObjectRef {
  readonly name: string;
  readonly physicalType?: string;
  readonly location: SourceLocation;
  /** Dotted path in the contract file, e.g. `schema[2]`. */
  readonly path?: string;
}

export interface ContractTable {
  /** Glue table name: `physicalName` ?? `name`, lower-cased (Glue stores names in lower case). */
  readonly name: string;
  /** The ODCS `name` as written. */
  readonly logicalName: string;
  readonly description?: string;
  /** Storage columns, in contract order, partition keys excluded. */
  readonly columns: readonly ContractColumn[];
  /** Partition keys ordered by `partitionKeyPosition`. */
  readonly partitionKeys: readonly ContractColumn[];
  /** Table-level quality rules. */
  readonly quality: readonly QualityRule[];
  /** Column names making up the primary key, by `primaryKeyPosition`. */
  readonly primaryKey: readonly string[];
  readonly location: SourceLocation;
}

export interface ContractColumn {
  /** Glue column name: `physicalName` ?? `name`, lower-cased. */
  readonly name: string;
  readonly logicalName: string;
  /** Glue/Hive type string, e.g. `decimal(10,2)`, `array<struct<a:int>>`. */
  readonly type: string;
  readonly logicalType?: string;
  readonly logicalTypeOptions: Readonly<Record<string, unknown>>;
  readonly description?: string;
  readonly classification?: string;
  readonly required: boolean;
  readonly unique: boolean;
  readonly primaryKey: boolean;
  readonly partitioned: boolean;
  readonly partitionKeyPosition?: number;
  /** True when the type is array, map or struct (not allowed in row filters). */
  readonly nested: boolean;
  readonly quality: readonly QualityRule[];
  readonly location: SourceLocation;
}

/** One ODCS quality entry, kept close to the source so the DQDL compiler can explain what it skips. */
export interface QualityRule {
  /** `library` (default), `sql`, `text` or `custom`. */
  readonly type: string;
  /** Library metric (`nullValues`, `rowCount`, `duplicateValues`, `invalidValues`, `missingValues`, …); v3.0 `rule` is mapped here too. */
  readonly metric?: string;
  readonly description?: string;
  readonly dimension?: string;
  readonly severity?: string;
  /** `sql` rules: the query; `custom` rules: the implementation text. */
  readonly query?: string;
  readonly engine?: string;
  readonly implementation?: string;
  readonly unit?: string;
  /** `arguments` (v3.1) or the v3.0 `validValues` etc. */
  readonly arguments: Readonly<Record<string, unknown>>;
  readonly mustBe?: unknown;
  readonly mustNotBe?: unknown;
  readonly mustBeGreaterThan?: number;
  readonly mustBeGreaterOrEqualTo?: number;
  readonly mustBeLessThan?: number;
  readonly mustBeLessOrEqualTo?: number;
  readonly mustBeBetween?: readonly [number, number];
  readonly mustNotBeBetween?: readonly [number, number];
  readonly location: SourceLocation;
}

export type RoleAccess = 'read' | 'write' | (string & {});

export interface ContractRole {
  readonly name: string;
  /** ODCS `access`; `read` when the contract leaves it out. */
  readonly access: RoleAccess;
  readonly description?: string;
  /**
   * `lakemesh.excludeColumns`: column names (or `table.column`) this role never sees. Normalised to
   * Glue names (lower case, physicalName) and checked to exist in the contract.
   */
  readonly excludeColumns: readonly string[];
  /** `lakemesh.includeColumns`: restricted columns this role may see (normalised like `excludeColumns`). */
  readonly includeColumns: readonly string[];
  /** `lakemesh.rowFilter`: one PartiQL clause for every table, or per table (keyed by Glue table name). */
  readonly rowFilter?: RowFilterSpec;
  readonly location: SourceLocation;
}

export type RowFilterSpec =
  | { readonly kind: 'all-tables'; readonly expression: string }
  | { readonly kind: 'per-table'; readonly expressions: Readonly<Record<string, string>> };

export interface ContractSla {
  /** `retention` in whole days (converted from d/m/y units). */
  readonly retentionDays?: number;
  /** `latency`/`freshness`: max age in hours, and the `table.column` it is measured on. */
  readonly freshness?: { readonly maxAgeHours: number; readonly element?: string };
}

export interface ContractServer {
  readonly server: string;
  readonly type: string;
  /** e.g. `parquet`, `csv`, `json`, `avro`, `orc`. */
  readonly format?: string;
}
