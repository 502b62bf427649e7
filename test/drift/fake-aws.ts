/**
 * A small in-memory Lake Formation and Glue behind `aws-sdk-client-mock`: each account's grants,
 * filters, LF-Tags and settings, answered the way the services do (listing by resource, every
 * principal, paginated with a small page size so that every list spans several pages; unknown
 * objects fail with `EntityNotFoundException`; unknown accounts with `AccessDeniedException`).
 */
import { GetDatabaseCommand, GlueClient } from '@aws-sdk/client-glue';
import {
  AccessDeniedException,
  DataCellsFilter,
  DataLakeSettings,
  EntityNotFoundException,
  GetDataLakeSettingsCommand,
  GetResourceLFTagsCommand,
  GetResourceLFTagsResponse,
  LakeFormationClient,
  LFTagPair,
  ListDataCellsFilterCommand,
  ListLFTagsCommand,
  ListPermissionsCommand,
  PrincipalResourcePermissions,
  Resource,
} from '@aws-sdk/client-lakeformation';
import { AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { AccountClientsFactory } from '../../lib/drift/account-clients';

export interface FakeAccount {
  readonly settings: DataLakeSettings;
  /** Glue databases of the account's catalog, with their default table permissions. */
  readonly databases: Record<string, { readonly CreateTableDefaultPermissions?: { Principal?: { DataLakePrincipalIdentifier?: string }; Permissions?: string[] }[] }>;
  /** Tables per database. */
  readonly tables: Record<string, readonly string[]>;
  /** Grants made in this account, on its own catalog's objects or on shared ones. */
  readonly permissions: PrincipalResourcePermissions[];
  readonly filters: DataCellsFilter[];
  readonly tags: LFTagPair[];
  /** `GetResourceLFTags` answers by `database` or `database.table`. */
  readonly resourceTags: Record<string, GetResourceLFTagsResponse>;
}

export const lakeFormationMock = mockClient(LakeFormationClient);
export const glueMock = mockClient(GlueClient);

export interface FakeOptions {
  /** @default 2 */
  readonly pageSize?: number;
  /** Errors the first calls of a command fail with (by command name, e.g. `ListPermissionsCommand`), in order. */
  readonly failFirst?: Record<string, Error[]>;
}

/** Resets both mocks and answers every call from `accounts`. */
export function installFakeAws(accounts: Record<string, FakeAccount>, options: FakeOptions = {}): void {
  const pageSize = options.pageSize ?? 2;
  const failures = new Map(Object.entries(options.failFirst ?? {}).map(([command, errors]) => [command, [...errors]]));
  const failMaybe = (command: string) => {
    const error = failures.get(command)?.shift();
    if (error) throw error;
  };
  lakeFormationMock.reset();
  glueMock.reset();
  const accountOf = (catalogId: string | undefined): FakeAccount => {
    const account = catalogId === undefined ? undefined : accounts[catalogId];
    if (account === undefined) throw new AccessDeniedException({ message: `no access to catalog ${catalogId}`, $metadata: {} });
    return account;
  };
  const requireTable = (catalogId: string | undefined, database: string | undefined, table: string | undefined) => {
    const tables = accountOf(catalogId).tables[database ?? ''];
    if (tables === undefined || (table !== undefined && !tables.includes(table))) throw notFound(`${database}.${table}`);
  };
  const requireDatabase = (catalogId: string | undefined, database: string | undefined) => {
    if (accountOf(catalogId).databases[database ?? ''] === undefined) throw notFound(`database ${database}`);
  };

  lakeFormationMock.on(GetDataLakeSettingsCommand).callsFake(async (input) => ({ DataLakeSettings: accountOf(input.CatalogId).settings }));
  lakeFormationMock.on(ListLFTagsCommand).callsFake(async (input) => failMaybe('ListLFTagsCommand') ?? page(accountOf(input.CatalogId).tags, input.NextToken, pageSize, 'LFTags'));
  lakeFormationMock.on(ListDataCellsFilterCommand).callsFake(async (input) => {
    failMaybe('ListDataCellsFilterCommand');
    const table = input.Table;
    requireTable(table?.CatalogId, table?.DatabaseName, table?.Name);
    const filters = accountOf(table?.CatalogId).filters.filter((filter) => filter.DatabaseName === table?.DatabaseName && filter.TableName === table?.Name);
    return page(filters, input.NextToken, pageSize, 'DataCellsFilters');
  });
  lakeFormationMock.on(ListPermissionsCommand).callsFake(async (input) => {
    failMaybe('ListPermissionsCommand');
    const resource = input.Resource ?? {};
    const owner = resource.Database?.CatalogId ?? resource.Table?.CatalogId ?? resource.DataCellsFilter?.TableCatalogId;
    if (resource.Database) requireDatabase(owner, resource.Database.Name);
    if (resource.Table) requireTable(owner, resource.Table.DatabaseName, resource.Table.Name);
    if (resource.DataCellsFilter) requireTable(owner, resource.DataCellsFilter.DatabaseName, resource.DataCellsFilter.TableName);
    const matching = accountOf(input.CatalogId).permissions.filter((entry) => matches(resource, entry.Resource ?? {}));
    return page(matching, input.NextToken, pageSize, 'PrincipalResourcePermissions');
  });
  lakeFormationMock.on(GetResourceLFTagsCommand).callsFake(async (input) => {
    const resource = input.Resource;
    const key = resource?.Table ? `${resource.Table.DatabaseName}.${resource.Table.Name}` : (resource?.Database?.Name ?? '');
    if (resource?.Table) requireTable(resource.Table.CatalogId, resource.Table.DatabaseName, resource.Table.Name);
    else requireDatabase(resource?.Database?.CatalogId, resource?.Database?.Name);
    return accountOf(input.CatalogId).resourceTags[key] ?? {};
  });
  glueMock.on(GetDatabaseCommand).callsFake(async (input) => {
    requireDatabase(input.CatalogId, input.Name);
    return { Database: { Name: input.Name, ...accountOf(input.CatalogId).databases[input.Name ?? ''] } };
  });
}

/** Clients whose `send` the mocks answer; `credentials` names a role as the real factory would. */
export const mockedClients: AccountClientsFactory = async (account, region) => ({
  lakeFormation: new LakeFormationClient({ region }),
  glue: new GlueClient({ region }),
  credentials: `arn:aws:iam::${account}:role/lakemesh-drift-reader`,
});

export type LakeFormationStub = AwsClientStub<LakeFormationClient>;

export function notFound(what: string): EntityNotFoundException {
  return new EntityNotFoundException({ message: `${what} not found`, $metadata: {} });
}

/** What a `ListPermissions` request for `query` returns: the table's column grants with its own. */
function matches(query: Resource, entry: Resource): boolean {
  if (query.Database) return entry.Database?.Name === query.Database.Name && (entry.Database?.CatalogId ?? '') === (query.Database.CatalogId ?? '');
  if (query.Table?.TableWildcard) return entry.Table?.TableWildcard !== undefined && entry.Table.DatabaseName === query.Table.DatabaseName;
  if (query.Table) {
    const table = entry.Table ?? entry.TableWithColumns;
    return table !== undefined && entry.Table?.TableWildcard === undefined && table.DatabaseName === query.Table.DatabaseName && table.Name === query.Table.Name;
  }
  if (query.DataLocation) return entry.DataLocation?.ResourceArn === query.DataLocation.ResourceArn;
  if (query.DataCellsFilter) {
    const filter = entry.DataCellsFilter;
    return filter?.DatabaseName === query.DataCellsFilter.DatabaseName && filter?.TableName === query.DataCellsFilter.TableName && filter?.Name === query.DataCellsFilter.Name;
  }
  return false;
}

function page<K extends string, T>(items: readonly T[], token: string | undefined, size: number, key: K): Record<K, T[]> & { NextToken?: string } {
  const start = token === undefined ? 0 : Number(token.replace('page-', ''));
  const end = start + size;
  const result = { [key]: items.slice(start, end) } as Record<K, T[]> & { NextToken?: string };
  if (end < items.length) result.NextToken = `page-${end}`;
  return result;
}
