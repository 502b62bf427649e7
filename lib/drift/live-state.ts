/**
 * Reads the live state of one account, scoped to what its templates manage: the settings, the
 * LF-Tags, and for each managed database, table, data cells filter and data location its
 * permissions (every principal), filters and LF-Tags. Objects that do not exist are recorded, not failed on.
 */
import { PrincipalResourcePermissions } from '@aws-sdk/client-lakeformation';
import { AccountReader } from './account-reader';
import { objectKey } from './catalog-objects';
import { liveGrants, listPermissions } from './live-permissions';
import { readDatabaseDefaults, readFilters, readSettings, readTagAssignments, readTags } from './live-catalog';
import { ALL_TABLES, CatalogObject, DatabaseObject, FilterDefinition, IntendedAccount, LiveAccount, TagAssignment } from './model';

/** Calls in flight per account: enough to be quick, few enough not to provoke throttling. */
export const DEFAULT_CONCURRENCY = 4;

export async function readLiveAccount(intended: IntendedAccount, reader: AccountReader, concurrency = DEFAULT_CONCURRENCY): Promise<LiveAccount> {
  const settings = await readSettings(reader);
  const managesTags = intended.tags.length > 0 || intended.tagAssignments.length > 0;
  const tags = managesTags ? await readTags(reader) : [];
  const notFound: DatabaseObject[] = [];
  const entries: PrincipalResourcePermissions[] = [];
  const tagAssignments: TagAssignment[] = [];
  const databaseDefaults = new Map<string, readonly string[]>();
  const missingDatabases = new Set<string>();

  await forEachLimited(intended.databases, concurrency, async (database) => {
    const object: DatabaseObject = { type: 'database', catalogId: database.catalogId, database: database.database };
    if (database.defined) {
      const defaults = await readDatabaseDefaults(reader, database.catalogId, database.database);
      if (defaults === undefined) {
        notFound.push(object);
        missingDatabases.add(objectKey(object));
        return;
      }
      databaseDefaults.set(objectKey(object), defaults);
    }
    const onDatabase = await listPermissions(reader, object);
    if (onDatabase === undefined) {
      notFound.push(object);
      missingDatabases.add(objectKey(object));
      return;
    }
    entries.push(...onDatabase);
    // A resource link has no tables of its own to hold wildcard grants.
    if (!database.link) entries.push(...((await listPermissions(reader, { ...object, type: 'table', table: ALL_TABLES })) ?? []));
    if (managesTags) tagAssignments.push(...((await readTagAssignments(reader, object)) ?? []));
  });

  const liveFilters: FilterDefinition[] = [];
  const tables = intended.tables.filter((table) => !missingDatabases.has(objectKey({ type: 'database', catalogId: table.catalogId, database: table.database })));
  await forEachLimited(tables, concurrency, async (table) => {
    const object: DatabaseObject = { type: 'table', catalogId: table.catalogId, database: table.database, table: table.table };
    const onTable = await listPermissions(reader, object);
    if (onTable === undefined) {
      notFound.push(object);
      return;
    }
    entries.push(...onTable);
    liveFilters.push(...((await readFilters(reader, table)) ?? []));
    if (managesTags) tagAssignments.push(...((await readTagAssignments(reader, object)) ?? []));
  });

  const absent = new Set(notFound.map((object) => objectKey(object)));
  await forEachLimited(filterObjects(intended, liveFilters, absent), concurrency, async (filter) => {
    // A filter that does not exist shows as missing when the definitions are compared.
    entries.push(...((await listPermissions(reader, filter)) ?? []));
  });
  await forEachLimited(dataLocations(intended), concurrency, async (location) => {
    // A location Lake Formation does not know holds no grants: the intended ones show as missing.
    entries.push(...((await listPermissions(reader, location)) ?? []));
  });

  return {
    grants: liveGrants(entries, reader.account),
    filters: liveFilters,
    tags,
    tagAssignments,
    settings,
    databaseDefaults,
    notFound,
  };
}

/**
 * Every filter whose grants drift lists: the intended ones, those intended grants name, and the
 * live ones; except filters on tables that do not exist.
 */
function filterObjects(intended: IntendedAccount, live: readonly FilterDefinition[], absent: ReadonlySet<string>): CatalogObject[] {
  const byKey = new Map<string, CatalogObject>();
  const add = (object: FilterDefinition['object']) => {
    const table = objectKey({ type: 'table', catalogId: object.catalogId, database: object.database, table: object.table });
    const database = objectKey({ type: 'database', catalogId: object.catalogId, database: object.database });
    if (!absent.has(table) && !absent.has(database)) byKey.set(objectKey(object), object);
  };
  for (const filter of intended.filters) add(filter.object);
  for (const grant of intended.grants) if (grant.object.type === 'dataCellsFilter') add(grant.object);
  for (const filter of live) add(filter.object);
  return [...byKey.values()];
}

/** The data locations intended grants are on: drift lists every principal's grants on them. */
function dataLocations(intended: IntendedAccount): CatalogObject[] {
  const byKey = new Map<string, CatalogObject>();
  for (const grant of intended.grants) if (grant.object.type === 'dataLocation') byKey.set(objectKey(grant.object), grant.object);
  return [...byKey.values()];
}

/** Runs `work` on every item with at most `limit` in flight; the first failure rejects. */
export async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
