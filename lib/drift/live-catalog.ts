/**
 * Live Lake Formation and Glue state besides grants: data lake settings, a database's default
 * table permissions, data cells filters, LF-Tags and the LF-Tags assigned to databases, tables and
 * columns. Lists are paginated to the end.
 */
import { GetDatabaseCommand } from '@aws-sdk/client-glue';
import {
  DataCellsFilter,
  GetDataLakeSettingsCommand,
  GetResourceLFTagsCommand,
  LFTagPair,
  ListDataCellsFilterCommand,
  ListLFTagsCommand,
} from '@aws-sdk/client-lakeformation';
import { AccountReader } from './account-reader';
import { sortedUnique } from './catalog-objects';
import { scopeOf } from './column-scope';
import { FilterDefinition, LiveSettings, ManagedTable, TagAssignment, TagDefinition, TagTarget } from './model';

/** The `Parameters` key of Lake Formation's cross-account sharing version. */
export const CROSS_ACCOUNT_VERSION_PARAMETER = 'CROSS_ACCOUNT_VERSION';

export async function readSettings(reader: AccountReader): Promise<LiveSettings> {
  const response = await reader.call('lakeformation:GetDataLakeSettings', () =>
    reader.clients.lakeFormation.send(new GetDataLakeSettingsCommand({ CatalogId: reader.account })),
  );
  const settings = response.DataLakeSettings ?? {};
  const identifiers = (principals: readonly { DataLakePrincipalIdentifier?: string }[] | undefined) =>
    sortedUnique((principals ?? []).flatMap((principal) => (principal.DataLakePrincipalIdentifier === undefined ? [] : [principal.DataLakePrincipalIdentifier])));
  return {
    admins: identifiers(settings.DataLakeAdmins),
    readOnlyAdmins: identifiers(settings.ReadOnlyAdmins),
    databaseDefaultPrincipals: defaultPrincipals(settings.CreateDatabaseDefaultPermissions),
    tableDefaultPrincipals: defaultPrincipals(settings.CreateTableDefaultPermissions),
    crossAccountVersion: settings.Parameters?.[CROSS_ACCOUNT_VERSION_PARAMETER],
  };
}

/** The principals of a database's `CreateTableDefaultPermissions`; `undefined` when it does not exist. */
export async function readDatabaseDefaults(reader: AccountReader, catalogId: string, database: string): Promise<string[] | undefined> {
  const response = await reader.callUnlessNotFound('glue:GetDatabase', () => reader.clients.glue.send(new GetDatabaseCommand({ CatalogId: catalogId, Name: database })));
  if (response === undefined) return undefined;
  return defaultPrincipals(response.Database?.CreateTableDefaultPermissions);
}

/** The data cells filters of a table; `undefined` when the table does not exist. */
export async function readFilters(reader: AccountReader, table: ManagedTable): Promise<FilterDefinition[] | undefined> {
  const filters = await reader.paginate<DataCellsFilter>('lakeformation:ListDataCellsFilter', async (nextToken) => {
    const response = await reader.clients.lakeFormation.send(
      new ListDataCellsFilterCommand({ Table: { CatalogId: table.catalogId, DatabaseName: table.database, Name: table.table }, NextToken: nextToken }),
    );
    return { items: response.DataCellsFilters, nextToken: response.NextToken };
  });
  return filters?.flatMap((filter): FilterDefinition[] =>
    filter.Name === undefined
      ? []
      : [
          {
            object: { type: 'dataCellsFilter', catalogId: filter.TableCatalogId ?? table.catalogId, database: filter.DatabaseName ?? table.database, table: filter.TableName ?? table.table, filter: filter.Name },
            rowFilter: filter.RowFilter?.FilterExpression ?? null,
            columns: scopeOf(filter.ColumnNames, filter.ColumnWildcard?.ExcludedColumnNames, filter.ColumnWildcard !== undefined),
            source: undefined,
          },
        ],
  );
}

/** The account's own LF-Tags (shared ones from other accounts are left out). */
export async function readTags(reader: AccountReader): Promise<TagDefinition[]> {
  const tags = await reader.paginate<LFTagPair>('lakeformation:ListLFTags', async (nextToken) => {
    const response = await reader.clients.lakeFormation.send(new ListLFTagsCommand({ CatalogId: reader.account, NextToken: nextToken }));
    return { items: response.LFTags, nextToken: response.NextToken };
  });
  return (tags ?? []).flatMap((tag): TagDefinition[] =>
    tag.TagKey === undefined || (tag.CatalogId ?? reader.account) !== reader.account
      ? []
      : [{ catalogId: reader.account, key: tag.TagKey, values: sortedUnique(tag.TagValues ?? []), source: undefined }],
  );
}

/**
 * The LF-Tags on a database, or on a table and each of its columns; `undefined` when the object
 * does not exist. Lake Formation may list a tag a column inherits from its table or database:
 * the comparison allows for that.
 */
export async function readTagAssignments(reader: AccountReader, target: Extract<TagTarget, { type: 'database' | 'table' }>): Promise<TagAssignment[] | undefined> {
  const resource =
    target.type === 'database'
      ? { Database: { CatalogId: target.catalogId, Name: target.database } }
      : { Table: { CatalogId: target.catalogId, DatabaseName: target.database, Name: target.table } };
  const response = await reader.callUnlessNotFound('lakeformation:GetResourceLFTags', () =>
    reader.clients.lakeFormation.send(new GetResourceLFTagsCommand({ CatalogId: reader.account, Resource: resource })),
  );
  if (response === undefined) return undefined;
  if (target.type === 'database') return assignments(target, response.LFTagOnDatabase);
  return [
    ...assignments(target, response.LFTagsOnTable),
    ...(response.LFTagsOnColumns ?? []).flatMap((column) =>
      column.Name === undefined ? [] : assignments({ type: 'column', catalogId: target.catalogId, database: target.database, table: target.table, column: column.Name }, column.LFTags),
    ),
  ];
}

function assignments(target: TagTarget, pairs: readonly LFTagPair[] | undefined): TagAssignment[] {
  return (pairs ?? []).flatMap((pair) => (pair.TagKey === undefined ? [] : [{ target, key: pair.TagKey, values: sortedUnique(pair.TagValues ?? []), source: undefined }]));
}

/** Glue's and Lake Formation's `PrincipalPermissions` alike. */
type DefaultPermission = { readonly Principal?: { readonly DataLakePrincipalIdentifier?: string } };

function defaultPrincipals(permissions: readonly DefaultPermission[] | undefined): string[] {
  return sortedUnique((permissions ?? []).flatMap((entry) => (entry.Principal?.DataLakePrincipalIdentifier === undefined ? [] : [entry.Principal.DataLakePrincipalIdentifier])));
}
