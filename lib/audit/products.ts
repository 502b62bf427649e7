/**
 * The data products the templates describe, for the report's contract pages: schema from the Glue
 * tables, contract id/version, status and owner from the `lakemesh.*` table parameters and the
 * `lakemesh:product` metadata, quality rules from the Glue Data Quality rulesets, retention from
 * the `retention-<product>` lifecycle rule of the domain bucket.
 */
import { TABLE_CONTRACT_ID_PARAMETER, TABLE_CONTRACT_VERSION_PARAMETER, TABLE_OWNER_PARAMETER } from '../nag/table-parameters';
import { CatalogIndex, GlueTableEntry } from './catalog-index';
import { sortedUnique } from './grant-reader';
import { CatalogTable, ProductEntry } from './model';

/** Glue table parameter carrying the contract status (`active`, `deprecated`, …). */
export const TABLE_STATUS_PARAMETER = 'lakemesh.status';

interface ProductFacts {
  contractIds: string[];
  contractVersions: string[];
  statuses: string[];
  owners: string[];
  catalogs: string[];
  stacks: Set<string>;
  databases: Set<string>;
  tables: GlueTableEntry[];
}

export function buildProducts(index: CatalogIndex): ProductEntry[] {
  const facts = new Map<string, ProductFacts>();
  const factsOf = (product: string): ProductFacts => {
    let entry = facts.get(product);
    if (!entry) {
      entry = { contractIds: [], contractVersions: [], statuses: [], owners: [], catalogs: [], stacks: new Set(), databases: new Set(), tables: [] };
      facts.set(product, entry);
    }
    return entry;
  };
  for (const database of index.databases) {
    if (!database.product || database.target) continue;
    const entry = factsOf(database.product.product);
    entry.contractIds.push(database.product.contractId);
    entry.contractVersions.push(database.product.contractVersion);
    entry.owners.push(database.product.owner);
    entry.catalogs.push(`${database.resource.stack.stackName}: ${database.name}`);
    entry.stacks.add(database.resource.stack.stackName);
    entry.databases.add(database.name);
  }
  for (const table of index.tables) {
    const product = table.product?.product ?? index.productOfDatabase(table.catalog, table.database)?.product;
    if (product === undefined) continue;
    const entry = factsOf(product);
    const parameter = (key: string) => (table.parameters[key] === undefined ? [] : [table.parameters[key]]);
    const own = table.product ? [table.product] : [];
    entry.contractIds.push(...parameter(TABLE_CONTRACT_ID_PARAMETER), ...own.map((metadata) => metadata.contractId));
    entry.contractVersions.push(...parameter(TABLE_CONTRACT_VERSION_PARAMETER), ...own.map((metadata) => metadata.contractVersion));
    entry.owners.push(...parameter(TABLE_OWNER_PARAMETER), ...own.map((metadata) => metadata.owner));
    entry.statuses.push(...parameter(TABLE_STATUS_PARAMETER));
    entry.stacks.add(table.resource.stack.stackName);
    entry.databases.add(table.database);
    entry.tables.push(table);
  }
  return [...facts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([product, entry]) => toEntry(product, entry, index));
}

function toEntry(product: string, facts: ProductFacts, index: CatalogIndex): ProductEntry {
  const slug = product.slice(product.indexOf('.') + 1);
  const tables = firstPerName(facts.tables);
  const tableNames = new Set(tables.map((table) => table.name));
  return {
    product,
    domain: product.includes('.') ? product.slice(0, product.indexOf('.')) : product,
    contractIds: nonEmpty(facts.contractIds),
    contractVersions: nonEmpty(facts.contractVersions),
    statuses: nonEmpty(facts.statuses),
    owners: nonEmpty(facts.owners),
    catalogs: sortedUnique(facts.catalogs),
    tables: tables.map(toCatalogTable),
    quality: index.rulesets
      .filter((ruleset) => facts.databases.has(ruleset.database) && tableNames.has(ruleset.table))
      .map(({ database: _database, ...ruleset }) => ruleset)
      .sort((a, b) => compare(a.table, b.table) || compare(a.stack, b.stack) || compare(a.logicalId, b.logicalId)),
    retention: index.retentionRules
      .filter((rule) => rule.ruleId === `retention-${slug}` && facts.stacks.has(rule.stack))
      .sort((a, b) => compare(a.stack, b.stack) || compare(a.logicalId, b.logicalId)),
  };
}

/** One table per name, from the first stack by name (central and domain catalogs hold the same schema). */
function firstPerName(tables: readonly GlueTableEntry[]): GlueTableEntry[] {
  const sorted = [...tables].sort(
    (a, b) => compare(a.name, b.name) || compare(a.resource.stack.stackName, b.resource.stack.stackName) || compare(a.resource.logicalId, b.resource.logicalId),
  );
  const seen = new Set<string>();
  return sorted.filter((table) => !seen.has(table.name) && seen.add(table.name) !== undefined);
}

function toCatalogTable(table: GlueTableEntry): CatalogTable {
  return {
    name: table.name,
    database: table.database,
    columns: table.columns,
    stack: table.resource.stack.stackName,
    logicalId: table.resource.logicalId,
  };
}

function nonEmpty(values: readonly string[]): string[] {
  return sortedUnique(values.filter((value) => value !== ''));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
