/**
 * Reads one `AWS::LakeFormation::PrincipalPermissions` resource into a normalized grant: the
 * account it is made in (its `Catalog`, else the stack's), the principal, the catalog object and
 * the permissions, with every name resolved. A value the template cannot fix offline makes the
 * grant "not compared" rather than a guess.
 */
import { CfnObject, isCfnObject } from '../nag/cfn-values';
import { TemplateResource } from '../audit/template-resources';
import { sortedUnique } from './catalog-objects';
import { DRIFT_INFO_CODES } from './codes';
import { ALL_COLUMNS, scopeOf } from './column-scope';
import { ALL_TABLES, CatalogObject, ColumnScope, Grant, NotCompared, TemplateSource } from './model';
import { ResolveContext, resolveText, resolveTexts } from './resolve-value';

export type IntendedGrantReading =
  | { readonly kind: 'grant'; readonly account: string; readonly grant: Grant }
  | { readonly kind: 'notCompared'; readonly account: string; readonly notCompared: NotCompared };

/** Permissions that read table data: only they carry a column scope. */
export const READS_DATA: ReadonlySet<string> = new Set(['SELECT', 'ALL']);

/** Resource kinds drift lists live permissions for. */
const COMPARED_KINDS = ['Database', 'Table', 'TableWithColumns', 'DataCellsFilter', 'DataLocation'];

export function readIntendedGrant(resource: TemplateResource, context: ResolveContext): IntendedGrantReading {
  const source: TemplateSource = { stack: resource.stack.stackName, logicalId: resource.logicalId };
  const { properties } = resource;
  const catalogValue = properties.Catalog;
  const account = catalogValue === undefined ? context.account : resolveText(catalogValue, context);
  const notCompared = (code: string, message: string): IntendedGrantReading => ({
    kind: 'notCompared',
    account: account ?? context.account,
    notCompared: { code, message, source },
  });
  if (account === undefined) return notCompared(DRIFT_INFO_CODES.unresolvable, `grant's Catalog cannot be resolved from the template, so drift cannot tell which account holds it`);

  const identifier = objectAt(properties, 'Principal')?.DataLakePrincipalIdentifier;
  const principal = resolveText(identifier, context);
  if (principal === undefined) {
    return notCompared(DRIFT_INFO_CODES.unresolvable, `grant's principal ${JSON.stringify(identifier)} cannot be resolved from the template (give the role a RoleName, or grant to a literal ARN)`);
  }
  const permissions = resolveTexts(properties.Permissions, context);
  const grantOption = resolveTexts(properties.PermissionsWithGrantOption, context);
  if (permissions === undefined || grantOption === undefined) return notCompared(DRIFT_INFO_CODES.unresolvable, `grant's permissions to ${principal} cannot be resolved from the template`);

  const target = objectAt(properties, 'Resource') ?? {};
  const kind = Object.keys(target).sort()[0];
  if (!COMPARED_KINDS.includes(kind)) {
    return notCompared(DRIFT_INFO_CODES.notCompared, `grant to ${principal} on a ${kind ?? 'missing'} resource is not compared: drift compares databases, tables, data cells filters and data locations`);
  }
  const object = catalogObject(kind, objectAt(target, kind) ?? {}, context);
  if (object === undefined) return notCompared(DRIFT_INFO_CODES.unresolvable, `grant to ${principal}: the ${kind} resource's names cannot be resolved from the template`);

  const reads = permissions.some((permission) => READS_DATA.has(permission));
  const columns: ColumnScope | undefined =
    object.type !== 'table' || !reads ? undefined : kind === 'TableWithColumns' ? tableColumns(objectAt(target, kind) ?? {}, context) : ALL_COLUMNS;
  if (object.type === 'table' && reads && columns === undefined) {
    return notCompared(DRIFT_INFO_CODES.unresolvable, `grant to ${principal}: the column names cannot be resolved from the template`);
  }
  return {
    kind: 'grant',
    account,
    grant: { principal, object, permissions: sortedUnique(permissions), grantOption: sortedUnique(grantOption), columns, sources: [source] },
  };
}

function catalogObject(kind: string, target: CfnObject, context: ResolveContext): CatalogObject | undefined {
  const text = (value: unknown) => resolveText(value, context);
  if (kind === 'Database') {
    const catalogId = catalogIdOf(target.CatalogId, context);
    const database = text(target.Name);
    return catalogId !== undefined && database !== undefined ? { type: 'database', catalogId, database } : undefined;
  }
  if (kind === 'DataLocation') {
    const [catalogId, location] = [catalogIdOf(target.CatalogId, context), text(target.ResourceArn)];
    return catalogId !== undefined && location !== undefined ? { type: 'dataLocation', catalogId, location } : undefined;
  }
  if (kind === 'DataCellsFilter') {
    const [catalogId, database, table, filter] = [catalogIdOf(target.TableCatalogId, context), text(target.DatabaseName), text(target.TableName), text(target.Name)];
    if (catalogId === undefined || database === undefined || table === undefined || filter === undefined) return undefined;
    return { type: 'dataCellsFilter', catalogId, database, table, filter };
  }
  const catalogId = catalogIdOf(target.CatalogId, context);
  const database = text(target.DatabaseName);
  const table = target.Name === undefined && target.TableWildcard !== undefined ? ALL_TABLES : text(target.Name);
  if (catalogId === undefined || database === undefined || table === undefined) return undefined;
  return { type: 'table', catalogId, database, table };
}

/** `ColumnNames`, or `ColumnWildcard` with its exclusions; undefined when a name cannot be resolved. */
export function tableColumns(target: CfnObject, context: ResolveContext): ColumnScope | undefined {
  const wildcard = target.ColumnWildcard;
  if (wildcard !== undefined) {
    const excluded = resolveTexts(isCfnObject(wildcard) ? wildcard.ExcludedColumnNames : undefined, context);
    return excluded === undefined ? undefined : scopeOf(undefined, excluded, true);
  }
  const names = resolveTexts(target.ColumnNames, context);
  return names === undefined ? undefined : scopeOf(names, undefined, false);
}

/** An absent catalog id is the stack's own account, as Lake Formation reads it. */
export function catalogIdOf(value: unknown, context: ResolveContext): string | undefined {
  return value === undefined ? context.account : resolveText(value, context);
}

function objectAt(value: CfnObject, key: string): CfnObject | undefined {
  const child = value[key];
  return isCfnObject(child) ? child : undefined;
}
