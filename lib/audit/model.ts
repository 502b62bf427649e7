/**
 * What `lakemesh audit` reads back from a cloud assembly: the access matrix (one row per product,
 * table and principal), the findings about it, and the product catalog the HTML report's contract
 * pages show. Field names of `AuditRow` and `AuditFinding` are the stable JSON format
 * (docs/audit-json.md): renaming one is a breaking change.
 */

export type Severity = 'error' | 'warning' | 'info';

/** Severities from most to least serious (the order findings are listed in). */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * How a row's access came to be:
 * - `contract`: at least one of its grants carries `lakemesh:grant` metadata (a contract grant);
 * - `local`: no metadata, every principal in the granting stack's own account (a producer's grant);
 * - `unmanaged`: no metadata, and a principal of another (or an unknown) account.
 */
export type RowKind = 'contract' | 'local' | 'unmanaged';

/** One template resource a row was read from. */
export interface RowSource {
  readonly stack: string;
  readonly logicalId: string;
}

/** One line of the access matrix: what one principal may do with one table of one product. */
export interface AuditRow {
  /** `<domain>.<product>`, or null when no template says which product the database belongs to. */
  readonly product: string | null;
  /** Glue table name; null for a principal granted on the database only; `*` for a table wildcard over tables no template lists. */
  readonly table: string | null;
  /** The Lake Formation principal, with CloudFormation intrinsics written `${Name}`. */
  readonly principal: string;
  /** Table-level Lake Formation permissions, sorted. */
  readonly permissions: readonly string[];
  /** Columns the principal can select (partition keys included), sorted. */
  readonly columns: readonly string[];
  /** The table's other columns, sorted. */
  readonly withheldColumns: readonly string[];
  /** The PartiQL row filter the principal reads through, or null when it may read every row. */
  readonly rowFilter: string | null;
  readonly contractId: string | null;
  readonly contractVersion: string | null;
  /** Contract roles, `; `-joined when grants were merged. */
  readonly role: string | null;
  readonly purpose: string | null;
  readonly requestedBy: string | null;
  readonly approvedBy: string | null;
  /** Earliest expiry (ISO date) among the row's grants, or null. */
  readonly expires: string | null;
  /** Stack of the row's main grant (the SELECT grant when there is one). */
  readonly stack: string;
  readonly logicalId: string;
  // Fields beyond the documented minimum.
  readonly kind: RowKind;
  /** The consumer named in the grant metadata, or null. */
  readonly consumer: string | null;
  /** The Glue database granted on (for a resource link: the link). */
  readonly database: string;
  /** Permissions on the database itself, folded into the row. */
  readonly databasePermissions: readonly string[];
  /** Permissions the principal may pass on (`PermissionsWithGrantOption`), sorted. */
  readonly permissionsWithGrantOption: readonly string[];
  /** Every resource the row was assembled from, sorted. */
  readonly sources: readonly RowSource[];
}

export interface AuditFinding {
  readonly severity: Severity;
  /** Stable code, `LMAnn`. */
  readonly code: string;
  readonly message: string;
  readonly stack: string;
  readonly logicalId: string;
}

/** A column of a product table, as the Glue table in the template describes it. */
export interface CatalogColumn {
  readonly name: string;
  readonly type: string;
  /** The `lakemesh.classification.<column>` table parameter, or null. */
  readonly classification: string | null;
  readonly partitionKey: boolean;
  readonly comment: string | null;
}

export interface CatalogTable {
  readonly name: string;
  readonly database: string;
  readonly columns: readonly CatalogColumn[];
  readonly stack: string;
  readonly logicalId: string;
}

/** A Glue Data Quality ruleset (`AWS::Glue::DataQualityRuleset`) of a product table. */
export interface QualityRuleset {
  readonly table: string;
  readonly name: string | null;
  /** The DQDL text. */
  readonly ruleset: string;
  readonly stack: string;
  readonly logicalId: string;
}

/** The S3 lifecycle rule `retention-<product>` a product's contract retention became. */
export interface RetentionRule {
  readonly ruleId: string;
  readonly prefix: string | null;
  readonly expirationDays: number | null;
  readonly noncurrentVersionExpirationDays: number | null;
  readonly stack: string;
  /** The bucket carrying the rule. */
  readonly logicalId: string;
}

/** What the templates tell of one data product: the contract pages of the HTML report. */
export interface ProductEntry {
  /** `<domain>.<product>` */
  readonly product: string;
  readonly domain: string;
  readonly contractIds: readonly string[];
  readonly contractVersions: readonly string[];
  readonly statuses: readonly string[];
  readonly owners: readonly string[];
  /** Where the product is catalogued: `stack: database`, sorted. */
  readonly catalogs: readonly string[];
  /** One entry per table name (the first stack's, by stack name). */
  readonly tables: readonly CatalogTable[];
  readonly quality: readonly QualityRuleset[];
  readonly retention: readonly RetentionRule[];
}

export interface AuditReport {
  /** Sorted by product, table, principal (null before any value). */
  readonly rows: readonly AuditRow[];
  /** Sorted by severity (errors first), code, stack, logical id, message. */
  readonly findings: readonly AuditFinding[];
  /** Sorted by product. */
  readonly products: readonly ProductEntry[];
  /** Names of the stacks read, sorted. */
  readonly stacks: readonly string[];
  /** The ISO date expiry was judged against. */
  readonly today: string;
}
