/**
 * The Data Catalog as the templates describe it: Glue databases (and resource links), tables with
 * their columns and classifications, data cells filters, Data Quality rulesets and retention
 * lifecycle rules. Grants are resolved against it: a grant names a catalog object by
 * (catalog id, database, table), and the index says which product and columns that is.
 */
import { COLUMN_CLASSIFICATION_PARAMETER, PRODUCT_METADATA_KEY, ProductMetadata } from '../grants/grant-metadata';
import { CfnObject, isCfnObject } from '../nag/cfn-values';
import { cfnText, objectAt } from './cfn-text';
import { CatalogColumn, QualityRuleset, RetentionRule } from './model';
import { catalogKey, TemplateResource } from './template-resources';

export interface GlueDatabaseEntry {
  readonly resource: TemplateResource;
  readonly catalog: string;
  readonly name: string;
  readonly product: ProductMetadata | undefined;
  /** For a resource link: the database it points at. */
  readonly target: { readonly catalog: string; readonly name: string } | undefined;
}

export interface GlueTableEntry {
  readonly resource: TemplateResource;
  readonly catalog: string;
  readonly database: string;
  readonly name: string;
  readonly columns: readonly CatalogColumn[];
  readonly parameters: Readonly<Record<string, string>>;
  readonly product: ProductMetadata | undefined;
}

export interface DataCellsFilterEntry {
  readonly resource: TemplateResource;
  readonly catalog: string;
  readonly database: string;
  readonly table: string;
  readonly name: string;
  /** The PartiQL expression, or null for `AllRowsWildcard`. */
  readonly rowFilter: string | null;
  /** Listed columns, or the excluded ones of a column wildcard. */
  readonly columns: ColumnSelection;
}

/** Which columns a grant or filter selects: named ones, or all but some. */
export type ColumnSelection =
  | { readonly kind: 'named'; readonly names: readonly string[] }
  | { readonly kind: 'allExcept'; readonly excluded: readonly string[] }
  | { readonly kind: 'unknown' };

export class CatalogIndex {
  public readonly databases: readonly GlueDatabaseEntry[];
  public readonly tables: readonly GlueTableEntry[];
  public readonly filters: readonly DataCellsFilterEntry[];
  public readonly rulesets: readonly (QualityRuleset & { readonly database: string })[];
  public readonly retentionRules: readonly RetentionRule[];
  // Lookups by name: a large mesh has thousands of tables and tens of thousands of grants.
  private readonly databasesByName: ReadonlyMap<string, readonly GlueDatabaseEntry[]>;
  private readonly tablesByDatabase: ReadonlyMap<string, readonly GlueTableEntry[]>;
  private readonly filtersByKey: ReadonlyMap<string, DataCellsFilterEntry>;

  constructor(resources: readonly TemplateResource[]) {
    this.databases = resources.filter((r) => r.type === 'AWS::Glue::Database').flatMap(readDatabase);
    this.tables = resources.filter((r) => r.type === 'AWS::Glue::Table').flatMap(readTable);
    this.filters = resources.filter((r) => r.type === 'AWS::LakeFormation::DataCellsFilter').flatMap(readFilter);
    this.rulesets = resources.filter((r) => r.type === 'AWS::Glue::DataQualityRuleset').flatMap(readRuleset);
    this.retentionRules = resources.filter((r) => r.type === 'AWS::S3::Bucket').flatMap(readRetentionRules);
    this.databasesByName = groupBy(this.databases, (database) => database.name);
    this.tablesByDatabase = groupBy(this.tables, (table) => table.database);
    const filtersByKey = new Map<string, DataCellsFilterEntry>();
    for (const f of this.filters) {
      const key = filterKey(f.resource.stack.templateFile, f.catalog, f.database, f.table, f.name);
      if (!filtersByKey.has(key)) filtersByKey.set(key, f);
    }
    this.filtersByKey = filtersByKey;
  }

  /** The database `name` of catalog `catalog`; failing that, the only database of that name anywhere. */
  database(catalog: string, name: string): GlueDatabaseEntry | undefined {
    return exactOrUnique(this.databasesByName.get(name) ?? [], (d) => d.catalog === catalog);
  }

  table(catalog: string, database: string, name: string): GlueTableEntry | undefined {
    const { catalog: targetCatalog, name: targetDatabase } = this.followLink(catalog, database);
    const candidates = (this.tablesByDatabase.get(targetDatabase) ?? []).filter((t) => t.name === name);
    return exactOrUnique(candidates, (t) => t.catalog === targetCatalog);
  }

  /** The tables of a database (through a resource link), one per name, sorted by name. */
  tablesOf(catalog: string, database: string): GlueTableEntry[] {
    const { catalog: targetCatalog, name: targetDatabase } = this.followLink(catalog, database);
    const inDatabase = this.tablesByDatabase.get(targetDatabase) ?? [];
    const exact = inDatabase.filter((t) => t.catalog === targetCatalog);
    const chosen = exact.length > 0 ? exact : inDatabase;
    const byName = new Map<string, GlueTableEntry>();
    for (const table of chosen) if (!byName.has(table.name)) byName.set(table.name, table);
    return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** The product a database belongs to: its own metadata, its link target's, or its tables'. */
  productOfDatabase(catalog: string, name: string): ProductMetadata | undefined {
    const database = this.database(catalog, name);
    if (database?.product) return database.product;
    const { catalog: targetCatalog, name: targetName } = this.followLink(catalog, name);
    const target = this.database(targetCatalog, targetName);
    if (target?.product) return target.product;
    return this.tablesOf(catalog, name).find((table) => table.product)?.product;
  }

  /** The data cells filter a grant names: filters live in the template of their grants. */
  filter(resource: TemplateResource, catalog: string, database: string, table: string, name: string): DataCellsFilterEntry | undefined {
    return this.filtersByKey.get(filterKey(resource.stack.templateFile, catalog, database, table, name));
  }

  private followLink(catalog: string, name: string): { catalog: string; name: string } {
    const target = this.database(catalog, name)?.target;
    return target ?? { catalog, name };
  }
}

function filterKey(...parts: readonly string[]): string {
  return JSON.stringify(parts);
}

function groupBy<T>(entries: readonly T[], key: (entry: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const group = groups.get(key(entry));
    if (group) group.push(entry);
    else groups.set(key(entry), [entry]);
  }
  return groups;
}

/** The candidate that matches exactly, else the only candidate, else none (ambiguous). */
function exactOrUnique<T>(candidates: readonly T[], exact: (entry: T) => boolean): T | undefined {
  return candidates.find(exact) ?? (candidates.length === 1 ? candidates[0] : undefined);
}

function readDatabase(resource: TemplateResource): GlueDatabaseEntry[] {
  const input = objectAt(resource.properties, 'DatabaseInput');
  const name = cfnText(input?.Name);
  if (name === undefined) return [];
  const target = objectAt(input, 'TargetDatabase');
  const targetName = cfnText(target?.DatabaseName);
  return [
    {
      resource,
      catalog: catalogKey(resource.properties.CatalogId, resource.stack),
      name,
      product: productMetadata(resource.metadata),
      target: target && targetName !== undefined ? { catalog: catalogKey(target.CatalogId, resource.stack), name: targetName } : undefined,
    },
  ];
}

function readTable(resource: TemplateResource): GlueTableEntry[] {
  const input = objectAt(resource.properties, 'TableInput');
  const name = cfnText(input?.Name);
  const database = cfnText(resource.properties.DatabaseName);
  if (name === undefined || database === undefined) return [];
  const parameters = textRecord(input?.Parameters);
  const column = (partitionKey: boolean) => (entry: unknown): CatalogColumn[] => {
    const columnName = cfnText(isCfnObject(entry) ? entry.Name : undefined);
    if (columnName === undefined || !isCfnObject(entry)) return [];
    return [
      {
        name: columnName,
        type: cfnText(entry.Type) ?? '',
        classification: parameters[`${COLUMN_CLASSIFICATION_PARAMETER}.${columnName}`] ?? null,
        partitionKey,
        comment: cfnText(entry.Comment) ?? null,
      },
    ];
  };
  const storageColumns = objectAt(input, 'StorageDescriptor')?.Columns;
  return [
    {
      resource,
      catalog: catalogKey(resource.properties.CatalogId, resource.stack),
      database,
      name,
      columns: [
        ...(Array.isArray(storageColumns) ? storageColumns.flatMap(column(false)) : []),
        ...(Array.isArray(input?.PartitionKeys) ? input.PartitionKeys.flatMap(column(true)) : []),
      ],
      parameters,
      product: productMetadata(resource.metadata),
    },
  ];
}

function readFilter(resource: TemplateResource): DataCellsFilterEntry[] {
  const { properties } = resource;
  const [database, table, name] = [properties.DatabaseName, properties.TableName, properties.Name].map(cfnText);
  if (database === undefined || table === undefined || name === undefined) return [];
  const rowFilter = objectAt(properties, 'RowFilter');
  return [
    {
      resource,
      catalog: catalogKey(properties.TableCatalogId, resource.stack),
      database,
      table,
      name,
      rowFilter: cfnText(rowFilter?.FilterExpression) ?? null,
      columns: columnSelection(properties),
    },
  ];
}

/** `ColumnNames` or `ColumnWildcard.ExcludedColumnNames`, as on `TableWithColumns` and filters. */
export function columnSelection(selection: CfnObject | undefined): ColumnSelection {
  if (selection === undefined) return { kind: 'unknown' };
  const wildcard = selection.ColumnWildcard;
  if (wildcard !== undefined) {
    const excluded = isCfnObject(wildcard) ? wildcard.ExcludedColumnNames : undefined;
    if (excluded !== undefined && !Array.isArray(excluded)) return { kind: 'unknown' };
    return { kind: 'allExcept', excluded: textList(excluded) };
  }
  if (!Array.isArray(selection.ColumnNames)) return { kind: 'unknown' };
  return { kind: 'named', names: textList(selection.ColumnNames) };
}

function readRuleset(resource: TemplateResource): (QualityRuleset & { database: string })[] {
  const target = objectAt(resource.properties, 'TargetTable');
  const ruleset = cfnText(resource.properties.Ruleset);
  const table = cfnText(target?.TableName);
  const database = cfnText(target?.DatabaseName);
  if (ruleset === undefined || table === undefined || database === undefined) return [];
  return [
    {
      database,
      table,
      name: cfnText(resource.properties.Name) ?? null,
      ruleset,
      stack: resource.stack.stackName,
      logicalId: resource.logicalId,
    },
  ];
}

/** Lifecycle rules named `retention-<product>` (what `DataProduct` writes for a contract retention). */
function readRetentionRules(resource: TemplateResource): RetentionRule[] {
  const rules = objectAt(resource.properties, 'LifecycleConfiguration')?.Rules;
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((rule): RetentionRule[] => {
    const ruleId = isCfnObject(rule) ? cfnText(rule.Id) : undefined;
    if (!isCfnObject(rule) || ruleId === undefined || !ruleId.startsWith('retention-')) return [];
    const noncurrent = objectAt(rule, 'NoncurrentVersionExpiration');
    return [
      {
        ruleId,
        prefix: cfnText(rule.Prefix) ?? cfnText(objectAt(rule, 'Filter')?.Prefix) ?? null,
        expirationDays: numberOrNull(rule.ExpirationInDays),
        noncurrentVersionExpirationDays: numberOrNull(noncurrent?.NoncurrentDays ?? rule.NoncurrentVersionExpirationInDays),
        stack: resource.stack.stackName,
        logicalId: resource.logicalId,
      },
    ];
  });
}

function productMetadata(metadata: CfnObject): ProductMetadata | undefined {
  const value = metadata[PRODUCT_METADATA_KEY];
  if (!isCfnObject(value)) return undefined;
  const product = cfnText(value.product);
  if (product === undefined) return undefined;
  return {
    product,
    contractId: cfnText(value.contractId) ?? '',
    contractVersion: cfnText(value.contractVersion) ?? '',
    owner: cfnText(value.owner) ?? '',
  };
}

function textRecord(value: unknown): Record<string, string> {
  if (!isCfnObject(value)) return {};
  const record: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    const text = cfnText(entry);
    if (text !== undefined) record[key] = text;
  }
  return record;
}

function textList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(cfnText).filter((text): text is string => text !== undefined) : [];
}

function numberOrNull(value: unknown): number | null {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(parsed) ? parsed : null;
}
