/**
 * Live Lake Formation permissions, listed per resource (`ListPermissions` with `Resource`) and
 * paginated to the end. The principal is never passed to the API: `ListPermissions` filtered by
 * principal is known to miss grants (column-level and cross-account ones among them), so every
 * principal's grants are listed and matched here.
 *
 * @see https://docs.aws.amazon.com/lake-formation/latest/APIReference/API_ListPermissions.html
 */
import { ListPermissionsCommand, PrincipalResourcePermissions, Resource } from '@aws-sdk/client-lakeformation';
import { grantKey, sortedUnique } from './catalog-objects';
import { ALL_COLUMNS, scopeOf, unionScopes } from './column-scope';
import { READS_DATA } from './intended-grants';
import { AccountReader } from './account-reader';
import { ALL_TABLES, CatalogObject, ColumnScope, Grant } from './model';

/** The request `Resource` that lists the permissions on `object` (a table's include its columns'). */
export function listingResource(object: CatalogObject): Resource {
  switch (object.type) {
    case 'database':
      return { Database: { CatalogId: object.catalogId, Name: object.database } };
    case 'table':
      return object.table === ALL_TABLES
        ? { Table: { CatalogId: object.catalogId, DatabaseName: object.database, TableWildcard: {} } }
        : { Table: { CatalogId: object.catalogId, DatabaseName: object.database, Name: object.table } };
    case 'dataCellsFilter':
      return { DataCellsFilter: { TableCatalogId: object.catalogId, DatabaseName: object.database, TableName: object.table, Name: object.filter } };
    case 'dataLocation':
      return { DataLocation: { CatalogId: object.catalogId, ResourceArn: object.location } };
  }
}

/** Every permission on `object` for every principal; `undefined` when the object does not exist. */
export async function listPermissions(reader: AccountReader, object: CatalogObject): Promise<PrincipalResourcePermissions[] | undefined> {
  const resource = listingResource(object);
  return reader.paginate('lakeformation:ListPermissions', async (nextToken) => {
    const response = await reader.clients.lakeFormation.send(new ListPermissionsCommand({ CatalogId: reader.account, Resource: resource, NextToken: nextToken }));
    return { items: response.PrincipalResourcePermissions, nextToken: response.NextToken };
  });
}

/**
 * Live entries as grants, one per (principal, object): Lake Formation lists a table's
 * table-level permissions and its column-level SELECT as separate entries, which add up here.
 * Entries on resources drift does not compare (LF-Tags, LF-Tag policies, catalogs) are left out.
 */
export function liveGrants(entries: readonly PrincipalResourcePermissions[], account: string): Grant[] {
  const byKey = new Map<string, Grant>();
  for (const entry of entries) {
    const principal = entry.Principal?.DataLakePrincipalIdentifier;
    const read = principal === undefined ? undefined : readResource(entry.Resource, account);
    if (principal === undefined || read === undefined) continue;
    const permissions = sortedUnique(entry.Permissions ?? []);
    const reads = permissions.some((permission) => READS_DATA.has(permission));
    const grant: Grant = {
      principal,
      object: read.object,
      permissions,
      grantOption: sortedUnique(entry.PermissionsWithGrantOption ?? []),
      columns: read.object.type === 'table' && reads ? read.columns : undefined,
      sources: [],
    };
    const key = grantKey(principal, read.object);
    const existing = byKey.get(key);
    byKey.set(
      key,
      existing === undefined
        ? grant
        : {
            ...existing,
            permissions: sortedUnique([...existing.permissions, ...grant.permissions]),
            grantOption: sortedUnique([...existing.grantOption, ...grant.grantOption]),
            columns: unionScopes(existing.columns, grant.columns),
          },
    );
  }
  return [...byKey.values()];
}

function readResource(resource: Resource | undefined, account: string): { object: CatalogObject; columns: ColumnScope } | undefined {
  if (resource?.Database?.Name !== undefined) {
    return { object: { type: 'database', catalogId: resource.Database.CatalogId ?? account, database: resource.Database.Name }, columns: ALL_COLUMNS };
  }
  const table = resource?.Table;
  if (table?.DatabaseName !== undefined && (table.Name !== undefined || table.TableWildcard !== undefined)) {
    const name = table.TableWildcard !== undefined ? ALL_TABLES : (table.Name as string);
    return { object: { type: 'table', catalogId: table.CatalogId ?? account, database: table.DatabaseName, table: name }, columns: ALL_COLUMNS };
  }
  const withColumns = resource?.TableWithColumns;
  if (withColumns?.DatabaseName !== undefined && withColumns.Name !== undefined) {
    return {
      object: { type: 'table', catalogId: withColumns.CatalogId ?? account, database: withColumns.DatabaseName, table: withColumns.Name },
      columns: scopeOf(withColumns.ColumnNames, withColumns.ColumnWildcard?.ExcludedColumnNames, withColumns.ColumnWildcard !== undefined),
    };
  }
  const filter = resource?.DataCellsFilter;
  if (filter?.DatabaseName !== undefined && filter.TableName !== undefined && filter.Name !== undefined) {
    return {
      object: { type: 'dataCellsFilter', catalogId: filter.TableCatalogId ?? account, database: filter.DatabaseName, table: filter.TableName, filter: filter.Name },
      columns: ALL_COLUMNS,
    };
  }
  const location = resource?.DataLocation;
  if (location?.ResourceArn !== undefined) {
    return { object: { type: 'dataLocation', catalogId: location.CatalogId ?? account, location: location.ResourceArn }, columns: ALL_COLUMNS };
  }
  return undefined;
}
