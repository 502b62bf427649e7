/**
 * The shapes drift compares. Intended (templates) and live (AWS) state are read into the same
 * normalized grants, keyed by (principal, catalog object), so that comparing them is a set
 * operation rather than a walk over two different APIs' structures.
 */

/** What a grant is on: a Data Catalog object or a data location. `table` `*` is every table of the database (`TableWildcard`). */
export type CatalogObject =
  | { readonly type: 'database'; readonly catalogId: string; readonly database: string }
  | { readonly type: 'table'; readonly catalogId: string; readonly database: string; readonly table: string }
  | {
      readonly type: 'dataCellsFilter';
      readonly catalogId: string;
      readonly database: string;
      readonly table: string;
      readonly filter: string;
    }
  /** An S3 location registered with Lake Formation (`DATA_LOCATION_ACCESS`). */
  | { readonly type: 'dataLocation'; readonly catalogId: string; readonly location: string };

/** The table a `TableWildcard` grant names. */
export const ALL_TABLES = '*';

/**
 * Which columns a SELECT reaches: every column, the listed ones, or every column but the excluded
 * ones (`ColumnWildcard.ExcludedColumnNames`).
 */
export type ColumnScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'only'; readonly names: readonly string[] }
  | { readonly kind: 'allExcept'; readonly excluded: readonly string[] };

/** Where an intended value comes from, for the report. */
export interface TemplateSource {
  readonly stack: string;
  readonly logicalId: string;
}

/** One principal's permissions on one catalog object, intended or live. */
export interface Grant {
  readonly principal: string;
  readonly object: CatalogObject;
  /** Sorted, unique. */
  readonly permissions: readonly string[];
  /** Sorted, unique. */
  readonly grantOption: readonly string[];
  /** The columns SELECT reaches on a table; undefined for databases, filters and grants without SELECT. */
  readonly columns: ColumnScope | undefined;
  /** Template resources the intended grant comes from (empty for live grants). */
  readonly sources: readonly TemplateSource[];
}

/** A data cells filter definition. */
/** A catalog object inside a database: everything but a data location. */
export type DatabaseObject = Exclude<CatalogObject, { type: 'dataLocation' }>;

export interface FilterDefinition {
  readonly object: Extract<CatalogObject, { type: 'dataCellsFilter' }>;
  /** The PartiQL row filter, or null for every row (`AllRowsWildcard`). */
  readonly rowFilter: string | null;
  readonly columns: ColumnScope;
  readonly source: TemplateSource | undefined;
}

/** An LF-Tag key and its allowed values. */
export interface TagDefinition {
  readonly catalogId: string;
  readonly key: string;
  /** Sorted, unique. */
  readonly values: readonly string[];
  readonly source: TemplateSource | undefined;
}

/** What LF-Tags are assigned to: a database, a table, or one column of a table. */
export type TagTarget =
  | { readonly type: 'database'; readonly catalogId: string; readonly database: string }
  | { readonly type: 'table'; readonly catalogId: string; readonly database: string; readonly table: string }
  | { readonly type: 'column'; readonly catalogId: string; readonly database: string; readonly table: string; readonly column: string };

/** The values of one LF-Tag key assigned to one target. */
export interface TagAssignment {
  readonly target: TagTarget;
  readonly key: string;
  /** Sorted, unique. */
  readonly values: readonly string[];
  readonly source: TemplateSource | undefined;
}

/** A table lakemesh manages, with its columns when a template lists them. */
export interface ManagedTable {
  readonly catalogId: string;
  readonly database: string;
  readonly table: string;
  /** Column names (partition keys included); undefined when no template describes the table. */
  readonly columns: readonly string[] | undefined;
}

export interface ManagedDatabase {
  readonly catalogId: string;
  readonly database: string;
  /** True when a template of this account creates it (its default permissions are checked). */
  readonly defined: boolean;
  /** True for a resource link (`TargetDatabase`): it holds no tables of its own. */
  readonly link: boolean;
}

/** The data lake settings the `Custom::LakemeshDataLakeSettings` resources of an account ask for. */
export interface IntendedSettings {
  /** Principal ARNs that must be data lake admins. Sorted, unique. */
  readonly admins: readonly string[];
  /** `CROSS_ACCOUNT_VERSION`, when a template sets it. */
  readonly crossAccountVersion: string | undefined;
  readonly sources: readonly TemplateSource[];
}

/** Something the templates hold that drift could not compare. */
export interface NotCompared {
  readonly code: string;
  readonly message: string;
  readonly source: TemplateSource;
}

/** The intended Lake Formation state of one account and region. */
export interface IntendedAccount {
  readonly account: string;
  readonly region: string;
  /** Stack names, sorted. */
  readonly stacks: readonly string[];
  readonly grants: readonly Grant[];
  readonly filters: readonly FilterDefinition[];
  readonly tags: readonly TagDefinition[];
  readonly tagAssignments: readonly TagAssignment[];
  readonly settings: IntendedSettings | undefined;
  readonly databases: readonly ManagedDatabase[];
  readonly tables: readonly ManagedTable[];
  readonly notCompared: readonly NotCompared[];
}

/** The live data lake settings drift looks at. */
export interface LiveSettings {
  readonly admins: readonly string[];
  readonly readOnlyAdmins: readonly string[];
  /** Principals of `CreateDatabaseDefaultPermissions`. */
  readonly databaseDefaultPrincipals: readonly string[];
  /** Principals of `CreateTableDefaultPermissions`. */
  readonly tableDefaultPrincipals: readonly string[];
  readonly crossAccountVersion: string | undefined;
}

/** What drift read from one account. */
export interface LiveAccount {
  readonly grants: readonly Grant[];
  readonly filters: readonly FilterDefinition[];
  readonly tags: readonly TagDefinition[];
  readonly tagAssignments: readonly TagAssignment[];
  readonly settings: LiveSettings;
  /** Principals of each defined database's `CreateTableDefaultPermissions`, by `catalogId/database`. */
  readonly databaseDefaults: ReadonlyMap<string, readonly string[]>;
  /** Databases and tables Lake Formation or Glue said do not exist (`EntityNotFoundException`). */
  readonly notFound: readonly DatabaseObject[];
}

export type DriftKind = 'missing' | 'extra' | 'wider' | 'changed' | 'iamAllowedPrincipals';

/** One difference between intended and live state. */
export interface DriftItem {
  /** `LMDnn`, or `LMInn` for what could not be compared. */
  readonly code: string;
  readonly kind: DriftKind | 'info';
  /** The principal, or null when the item is about an object or a setting. */
  readonly principal: string | null;
  /** What the item is about, as text: `table sales_orders.orders`, `data lake settings`. */
  readonly resource: string;
  /** What differs, lower-case, one line. */
  readonly message: string;
  readonly intended: unknown;
  readonly live: unknown;
  readonly sources: readonly TemplateSource[];
}

export interface AccountDrift {
  readonly account: string;
  readonly region: string;
  /** How drift read the account: the assumed role ARN, or `current credentials`. */
  readonly credentials: string;
  readonly stacks: readonly string[];
  /** Intended grants compared. */
  readonly grantsCompared: number;
  /** Drift items then info items, each sorted by resource, principal and code. */
  readonly items: readonly DriftItem[];
}

export interface DriftReport {
  readonly accounts: readonly AccountDrift[];
}

/** True when any account has a drift item (not just info). */
export function hasDrift(report: DriftReport): boolean {
  return report.accounts.some((account) => account.items.some((item) => item.kind !== 'info'));
}
