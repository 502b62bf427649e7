/**
 * The non-grant Lake Formation state the templates intend: data cells filters, LF-Tags, LF-Tag
 * assignments (`AWS::LakeFormation::TagAssociation`) and the data lake settings the
 * `Custom::LakemeshDataLakeSettings` resource asks for. Each reader returns the value, or a
 * "not compared" note when a name cannot be resolved offline.
 */
import { TemplateResource } from '../audit/template-resources';
import { CfnObject, isCfnObject } from '../nag/cfn-values';
import { sortedUnique } from './catalog-objects';
import { DRIFT_INFO_CODES } from './codes';
import { ALL_COLUMNS } from './column-scope';
import { catalogIdOf, tableColumns } from './intended-grants';
import { FilterDefinition, NotCompared, TagAssignment, TagDefinition, TagTarget, TemplateSource } from './model';
import { ResolveContext, resolveText, resolveTexts } from './resolve-value';

/** CloudFormation type of lakemesh's data lake settings custom resource. */
export const DATA_LAKE_SETTINGS_TYPE = 'Custom::LakemeshDataLakeSettings';

export type Reading<T> = { readonly value: T } | { readonly notCompared: NotCompared };

export function sourceOf(resource: TemplateResource): TemplateSource {
  return { stack: resource.stack.stackName, logicalId: resource.logicalId };
}

function unresolvable<T>(resource: TemplateResource, message: string): Reading<T> {
  return { notCompared: { code: DRIFT_INFO_CODES.unresolvable, message, source: sourceOf(resource) } };
}

export function readIntendedFilter(resource: TemplateResource, context: ResolveContext): Reading<FilterDefinition> {
  const { properties } = resource;
  const catalogId = catalogIdOf(properties.TableCatalogId, context);
  const [database, table, filter] = [properties.DatabaseName, properties.TableName, properties.Name].map((value) => resolveText(value, context));
  const rowFilter = objectAt(properties, 'RowFilter');
  const expression = rowFilter?.FilterExpression === undefined ? null : resolveText(rowFilter.FilterExpression, context);
  const hasColumns = properties.ColumnNames !== undefined || properties.ColumnWildcard !== undefined;
  const columns = hasColumns ? tableColumns(properties, context) : ALL_COLUMNS;
  if (catalogId === undefined || database === undefined || table === undefined || filter === undefined || expression === undefined || columns === undefined) {
    return unresolvable(resource, 'data cells filter cannot be resolved from the template (a name, the row filter or a column is not a literal)');
  }
  return {
    value: { object: { type: 'dataCellsFilter', catalogId, database, table, filter }, rowFilter: expression, columns, source: sourceOf(resource) },
  };
}

export function readIntendedTag(resource: TemplateResource, context: ResolveContext): Reading<TagDefinition> {
  const catalogId = catalogIdOf(resource.properties.CatalogId, context);
  const key = resolveText(resource.properties.TagKey, context);
  const values = resolveTexts(resource.properties.TagValues, context);
  if (catalogId === undefined || key === undefined || values === undefined) {
    return unresolvable(resource, 'lf-tag cannot be resolved from the template (its catalog, key or values are not literals)');
  }
  return { value: { catalogId, key, values: sortedUnique(values), source: sourceOf(resource) } };
}

/** One assignment per (target, key): a `TableWithColumns` association is one per column. */
export function readIntendedTagAssociation(resource: TemplateResource, context: ResolveContext): Reading<TagAssignment[]> {
  const targets = tagTargets(objectAt(resource.properties, 'Resource') ?? {}, context);
  const pairs = Array.isArray(resource.properties.LFTags) ? resource.properties.LFTags : undefined;
  if (targets === undefined || pairs === undefined) {
    return unresolvable(resource, 'lf-tag association cannot be resolved from the template (its resource is not a literal database, table or table columns)');
  }
  const assignments: TagAssignment[] = [];
  for (const pair of pairs) {
    const key = isCfnObject(pair) ? resolveText(pair.TagKey, context) : undefined;
    const values = isCfnObject(pair) ? resolveTexts(pair.TagValues, context) : undefined;
    if (key === undefined || values === undefined) return unresolvable(resource, 'lf-tag association names a tag key or value that is not a literal');
    for (const target of targets) assignments.push({ target, key, values: sortedUnique(values), source: sourceOf(resource) });
  }
  return { value: assignments };
}

export interface SettingsReading {
  readonly admins: readonly string[];
  readonly crossAccountVersion: string | undefined;
}

/** The admins (`Admins` and `DeploymentAdmins`) and version of the custom resource. */
export function readIntendedSettings(resource: TemplateResource, context: ResolveContext): Reading<SettingsReading> {
  const admins = resolveTexts(resource.properties.Admins, context);
  const deploymentAdmins = resolveTexts(resource.properties.DeploymentAdmins, context);
  const version = resource.properties.CrossAccountVersion === undefined ? undefined : resolveText(resource.properties.CrossAccountVersion, context);
  if (admins === undefined || deploymentAdmins === undefined || (resource.properties.CrossAccountVersion !== undefined && version === undefined)) {
    return unresolvable(resource, 'data lake settings cannot be resolved from the template (an admin ARN or the cross-account version is not a literal)');
  }
  return { value: { admins: sortedUnique([...admins, ...deploymentAdmins]), crossAccountVersion: version } };
}

function tagTargets(target: CfnObject, context: ResolveContext): TagTarget[] | undefined {
  const text = (value: unknown) => resolveText(value, context);
  const database = objectAt(target, 'Database');
  if (database) {
    const [catalogId, name] = [catalogIdOf(database.CatalogId, context), text(database.Name)];
    return catalogId !== undefined && name !== undefined ? [{ type: 'database', catalogId, database: name }] : undefined;
  }
  const table = objectAt(target, 'Table') ?? objectAt(target, 'TableWithColumns');
  if (table === undefined || table.TableWildcard !== undefined) return undefined;
  const [catalogId, databaseName, tableName] = [catalogIdOf(table.CatalogId, context), text(table.DatabaseName), text(table.Name)];
  if (catalogId === undefined || databaseName === undefined || tableName === undefined) return undefined;
  if (objectAt(target, 'Table')) return [{ type: 'table', catalogId, database: databaseName, table: tableName }];
  const columns = resolveTexts(table.ColumnNames, context);
  if (columns === undefined || columns.length === 0) return undefined;
  return sortedUnique(columns).map((column) => ({ type: 'column', catalogId, database: databaseName, table: tableName, column }));
}

function objectAt(value: CfnObject, key: string): CfnObject | undefined {
  const child = value[key];
  return isCfnObject(child) ? child : undefined;
}
