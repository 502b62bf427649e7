/**
 * Compares what is not a grant: missing databases and tables, data cells filter definitions,
 * LF-Tags and their assignments, the data lake settings lakemesh sets, and default permissions
 * that hand new databases or tables to `IAM_ALLOWED_PRINCIPALS`.
 */
import { IAM_ALLOWED_PRINCIPALS } from '../nag/principals';
import { describeObject, describeTagTarget, objectKey, tagTargetKey } from './catalog-objects';
import { DRIFT_ITEM_CODES } from './codes';
import { compareScopes, describeScope, isEmptyDelta, scopeJson } from './column-scope';
import { DriftItem, FilterDefinition, IntendedAccount, LiveAccount, TagAssignment, TagTarget, TemplateSource } from './model';

const SETTINGS = 'data lake settings';

export function compareCatalog(intended: IntendedAccount, live: LiveAccount): DriftItem[] {
  return [
    ...missingObjects(intended, live),
    ...compareFilters(intended, live),
    ...compareTags(intended, live),
    ...compareTagAssignments(intended, live),
    ...compareSettings(intended, live),
  ];
}

function missingObjects(intended: IntendedAccount, live: LiveAccount): DriftItem[] {
  return live.notFound.map((object) =>
    objectItem(DRIFT_ITEM_CODES.missingObject, 'missing', describeObject(object, intended.account), `${object.type} does not exist; deploy the stacks that define it`, null, null, []),
  );
}

function compareFilters(intended: IntendedAccount, live: LiveAccount): DriftItem[] {
  const liveByKey = new Map(live.filters.map((filter) => [objectKey(filter.object), filter]));
  const intendedKeys = new Set(intended.filters.map((filter) => objectKey(filter.object)));
  const absentTables = new Set(live.notFound.map(objectKey));
  const items: DriftItem[] = [];
  for (const filter of intended.filters) {
    const resource = describeObject(filter.object, intended.account);
    const sources = filter.source ? [filter.source] : [];
    const current = liveByKey.get(objectKey(filter.object));
    if (current === undefined) {
      const table = objectKey({ type: 'table', catalogId: filter.object.catalogId, database: filter.object.database, table: filter.object.table });
      const database = objectKey({ type: 'database', catalogId: filter.object.catalogId, database: filter.object.database });
      // The missing table or database is reported already.
      if (!absentTables.has(table) && !absentTables.has(database)) {
        items.push(objectItem(DRIFT_ITEM_CODES.missingObject, 'missing', resource, 'data cells filter does not exist', filterJson(filter), null, sources));
      }
      continue;
    }
    const differences: string[] = [];
    if (normalizedExpression(filter.rowFilter) !== normalizedExpression(current.rowFilter)) {
      differences.push(`row filter is ${describeRows(current.rowFilter)}, intended ${describeRows(filter.rowFilter)}`);
    }
    const columns = compareScopes(filter.columns, current.columns, undefined);
    if (!isEmptyDelta(columns.lacking) || !isEmptyDelta(columns.beyond)) differences.push(`columns are ${describeScope(current.columns)}, intended ${describeScope(filter.columns)}`);
    if (differences.length > 0) {
      items.push(objectItem(DRIFT_ITEM_CODES.filterDiffers, 'changed', resource, differences.join('; '), filterJson(filter), filterJson(current), sources));
    }
  }
  for (const filter of live.filters) {
    if (intendedKeys.has(objectKey(filter.object))) continue;
    items.push(
      objectItem(
        DRIFT_ITEM_CODES.extraFilter,
        'extra',
        describeObject(filter.object, intended.account),
        `data cells filter (${describeRows(filter.rowFilter)}, ${describeScope(filter.columns)}) exists on a managed table but no template defines it`,
        null,
        filterJson(filter),
        [],
      ),
    );
  }
  return items;
}

function compareTags(intended: IntendedAccount, live: LiveAccount): DriftItem[] {
  const liveByKey = new Map(live.tags.map((tag) => [tag.key, tag]));
  return intended.tags.flatMap((tag): DriftItem[] => {
    const resource = `lf-tag ${tag.key}`;
    const sources = tag.source ? [tag.source] : [];
    const current = liveByKey.get(tag.key);
    if (current === undefined) return [objectItem(DRIFT_ITEM_CODES.missingObject, 'missing', resource, 'lf-tag does not exist', { values: tag.values }, null, sources)];
    const lacking = tag.values.filter((value) => !current.values.includes(value));
    const extra = current.values.filter((value) => !tag.values.includes(value));
    if (lacking.length === 0 && extra.length === 0) return [];
    const parts = [...(lacking.length > 0 ? [`lacks values ${lacking.join(', ')}`] : []), ...(extra.length > 0 ? [`has values ${extra.join(', ')} no template defines`] : [])];
    return [objectItem(DRIFT_ITEM_CODES.tagValuesDiffer, 'changed', resource, parts.join('; '), { values: tag.values }, { values: current.values }, sources)];
  });
}

/**
 * Per (target, key) of the keys the templates use: an assignment the templates make must be
 * live with the same values; where they make none, a live value is fine only if it is what the
 * target inherits from its table or database (Lake Formation may list inherited tags).
 */
function compareTagAssignments(intended: IntendedAccount, live: LiveAccount): DriftItem[] {
  const keys = new Set([...intended.tags.map((tag) => tag.key), ...intended.tagAssignments.map((assignment) => assignment.key)]);
  const own = indexAssignments(intended.tagAssignments);
  const current = indexAssignments(live.tagAssignments.filter((assignment) => keys.has(assignment.key)));
  const absent = new Set(live.notFound.map(objectKey));
  const items: DriftItem[] = [];
  for (const [key, entry] of new Map([...own, ...current])) {
    const { target, key: tagKey } = entry;
    const chain = target.type === 'column' ? ancestors(target) : [target, ...ancestors(target)];
    if (chain.some((object) => absent.has(objectKey(object)))) continue;
    const intendedValues = own.get(key)?.values;
    const liveValues = current.get(key)?.values;
    const resource = describeTagTarget(target, intended.account);
    const sources: TemplateSource[] = own.get(key)?.source ? [own.get(key)?.source as TemplateSource] : [];
    if (intendedValues !== undefined) {
      if (!sameValues(intendedValues, liveValues)) {
        const message = liveValues === undefined ? `lf-tag ${tagKey} is not assigned, intended ${intendedValues.join(', ')}` : `lf-tag ${tagKey} is ${liveValues.join(', ')}, intended ${intendedValues.join(', ')}`;
        items.push(objectItem(DRIFT_ITEM_CODES.tagAssignmentDiffers, 'changed', resource, message, { key: tagKey, values: intendedValues }, liveValues && { key: tagKey, values: liveValues }, sources));
      }
      continue;
    }
    const inherited = inheritedValues(target, tagKey, own);
    if (liveValues !== undefined && !sameValues(inherited, liveValues)) {
      const message = inherited === undefined ? `lf-tag ${tagKey} is ${liveValues.join(', ')}, but no template assigns it here` : `lf-tag ${tagKey} is ${liveValues.join(', ')}, intended ${inherited.join(', ')} (inherited)`;
      items.push(objectItem(DRIFT_ITEM_CODES.tagAssignmentDiffers, 'changed', resource, message, inherited && { key: tagKey, values: inherited }, { key: tagKey, values: liveValues }, []));
    }
  }
  return items;
}

function compareSettings(intended: IntendedAccount, live: LiveAccount): DriftItem[] {
  const items: DriftItem[] = [];
  const sources = intended.settings?.sources ?? [];
  for (const admin of intended.settings?.admins ?? []) {
    if (live.settings.admins.includes(admin)) continue;
    items.push({
      ...objectItem(DRIFT_ITEM_CODES.missingAdmin, 'missing', SETTINGS, 'is not a data lake admin, though a template makes it one; redeploy the stack to add it back', { admin }, null, sources),
      principal: admin,
    });
  }
  const version = intended.settings?.crossAccountVersion;
  if (version !== undefined && live.settings.crossAccountVersion !== version) {
    items.push(
      objectItem(DRIFT_ITEM_CODES.settingDiffers, 'changed', SETTINGS, `cross-account version is ${live.settings.crossAccountVersion ?? 'not set'}, intended ${version}`, { crossAccountVersion: version }, { crossAccountVersion: live.settings.crossAccountVersion ?? null }, sources),
    );
  }
  const defaults: [string, readonly string[]][] = [
    ['CreateDatabaseDefaultPermissions', live.settings.databaseDefaultPrincipals],
    ['CreateTableDefaultPermissions', live.settings.tableDefaultPrincipals],
  ];
  for (const [setting, principals] of defaults) {
    if (!principals.includes(IAM_ALLOWED_PRINCIPALS)) continue;
    items.push({
      ...objectItem(DRIFT_ITEM_CODES.iamAllowedPrincipals, 'iamAllowedPrincipals', SETTINGS, `${setting} grants IAM_ALLOWED_PRINCIPALS, so iam policies alone govern new ${setting.includes('Database') ? 'databases' : 'tables'}; clear it (lakemesh's data lake settings do)`, { [setting]: [] }, { [setting]: [...principals] }, sources),
      principal: IAM_ALLOWED_PRINCIPALS,
    });
  }
  for (const database of intended.databases) {
    const principals = live.databaseDefaults.get(objectKey({ type: 'database', catalogId: database.catalogId, database: database.database }));
    if (!principals?.includes(IAM_ALLOWED_PRINCIPALS)) continue;
    items.push({
      ...objectItem(
        DRIFT_ITEM_CODES.iamAllowedPrincipals,
        'iamAllowedPrincipals',
        describeObject({ type: 'database', catalogId: database.catalogId, database: database.database }, intended.account),
        "CreateTableDefaultPermissions grants IAM_ALLOWED_PRINCIPALS, so iam policies alone govern new tables in it; set the database's CreateTableDefaultPermissions to []",
        { CreateTableDefaultPermissions: [] },
        { CreateTableDefaultPermissions: [...principals] },
        [],
      ),
      principal: IAM_ALLOWED_PRINCIPALS,
    });
  }
  return items;
}

function objectItem(code: string, kind: DriftItem['kind'], resource: string, message: string, intended: unknown, live: unknown, sources: readonly TemplateSource[]): DriftItem {
  return { code, kind, principal: null, resource, message, intended: intended ?? null, live: live ?? null, sources };
}

function filterJson(filter: FilterDefinition): unknown {
  return { rowFilter: filter.rowFilter, columns: scopeJson(filter.columns) };
}

function describeRows(rowFilter: string | null): string {
  return rowFilter === null ? 'all rows' : `"${rowFilter}"`;
}

/** Whitespace runs do not change a PartiQL expression; Lake Formation may reformat it. */
function normalizedExpression(expression: string | null): string | null {
  return expression === null ? null : expression.trim().replace(/\s+/g, ' ');
}

function indexAssignments(assignments: readonly TagAssignment[]): Map<string, TagAssignment> {
  const byKey = new Map<string, TagAssignment>();
  for (const assignment of assignments) byKey.set(`${tagTargetKey(assignment.target)}\u0000${assignment.key}`, assignment);
  return byKey;
}

/** The values `target` inherits for `key`: its table's, else its database's. */
function inheritedValues(target: TagTarget, key: string, own: ReadonlyMap<string, TagAssignment>): readonly string[] | undefined {
  for (const ancestor of ancestors(target)) {
    const values = own.get(`${tagTargetKey(ancestor)}\u0000${key}`)?.values;
    if (values !== undefined) return values;
  }
  return undefined;
}

/** A column's table then database; a table's database; nothing for a database. */
function ancestors(target: TagTarget): Extract<TagTarget, { type: 'database' | 'table' }>[] {
  const database = { type: 'database' as const, catalogId: target.catalogId, database: target.database };
  if (target.type === 'column') return [{ type: 'table', catalogId: target.catalogId, database: target.database, table: target.table }, database];
  return target.type === 'table' ? [database] : [];
}

function sameValues(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((value, index) => value === b[index]);
}
