/**
 * The identity of a Lake Formation permission: a (principal, resource) pair. Every property of
 * `AWS::LakeFormation::PrincipalPermissions` forces replacement and two resources for one pair
 * collide, so lakemesh merges grants per pair and derives the logical ID from the pair alone:
 * reordering grants or principals in the input never revokes and re-grants live access.
 */
import { createHash } from 'node:crypto';

/** A Data Catalog database. */
export interface DatabasePermissionResource {
  readonly kind: 'database';
  readonly catalogId: string;
  readonly name: string;
}

/** A Data Catalog table; without `name`, every table of the database (`TableWildcard`). */
export interface TablePermissionResource {
  readonly kind: 'table';
  readonly catalogId: string;
  readonly databaseName: string;
  /** @default - every table of the database */
  readonly name?: string;
}

/** Some columns of a table (SELECT only). The columns are not part of the identity: they merge. */
export interface TableWithColumnsPermissionResource {
  readonly kind: 'tableWithColumns';
  readonly catalogId: string;
  readonly databaseName: string;
  readonly name: string;
  readonly columnNames: readonly string[];
}

/** A data cells filter on a table. */
export interface DataCellsFilterPermissionResource {
  readonly kind: 'dataCellsFilter';
  readonly tableCatalogId: string;
  readonly databaseName: string;
  readonly tableName: string;
  readonly name: string;
}

/** A registered S3 location (`DATA_LOCATION_ACCESS`), e.g. a product prefix for its producers. */
export interface DataLocationPermissionResource {
  readonly kind: 'dataLocation';
  readonly catalogId: string;
  /** S3 ARN of the location, e.g. `arn:aws:s3:::bucket/prefix`. */
  readonly resourceArn: string;
}

export type PermissionResource =
  | DatabasePermissionResource
  | TablePermissionResource
  | TableWithColumnsPermissionResource
  | DataCellsFilterPermissionResource
  | DataLocationPermissionResource;

/** Hex characters of the pair hash in construct IDs: 48 bits, collisions are detected anyway. */
export const PAIR_HASH_LENGTH = 12;

/** The canonical identity of a resource (column lists excluded), as one string. */
export function resourceIdentity(resource: PermissionResource): string {
  switch (resource.kind) {
    case 'database':
      return JSON.stringify(['database', resource.catalogId, resource.name]);
    case 'table':
      return JSON.stringify(['table', resource.catalogId, resource.databaseName, resource.name ?? null]);
    case 'tableWithColumns':
      return JSON.stringify(['tableWithColumns', resource.catalogId, resource.databaseName, resource.name]);
    case 'dataCellsFilter':
      return JSON.stringify([
        'dataCellsFilter',
        resource.tableCatalogId,
        resource.databaseName,
        resource.tableName,
        resource.name,
      ]);
    case 'dataLocation':
      return JSON.stringify(['dataLocation', resource.catalogId, resource.resourceArn]);
  }
}

/** The canonical identity of a (principal, resource) pair. */
export function permissionPairKey(principal: string, resource: PermissionResource): string {
  return JSON.stringify([principal, resourceIdentity(resource)]);
}

/** A short, stable hash of the pair: the first 12 hex characters of its SHA-256. */
export function permissionPairHash(principal: string, resource: PermissionResource): string {
  return createHash('sha256').update(permissionPairKey(principal, resource)).digest('hex').slice(0, PAIR_HASH_LENGTH);
}

/** The construct ID of the permission resource for a pair, e.g. `Grant3f9a0c1b2d4e`. */
export function permissionConstructId(principal: string, resource: PermissionResource): string {
  return `Grant${permissionPairHash(principal, resource)}`;
}

/**
 * The Data Catalog object a resource touches, for serializing deploys: a table, table with columns
 * or data cells filter touches its table; a database or table wildcard its database.
 */
export function catalogObjectKey(resource: PermissionResource): string {
  switch (resource.kind) {
    case 'database':
      return databaseKey(resource.catalogId, resource.name);
    case 'table':
      return resource.name === undefined
        ? databaseKey(resource.catalogId, resource.databaseName)
        : tableKey(resource.catalogId, resource.databaseName, resource.name);
    case 'tableWithColumns':
      return tableKey(resource.catalogId, resource.databaseName, resource.name);
    case 'dataCellsFilter':
      return tableKey(resource.tableCatalogId, resource.databaseName, resource.tableName);
    case 'dataLocation':
      return JSON.stringify(['dataLocation', resource.catalogId, resource.resourceArn]);
  }
}

/** The serialization key of a principal. */
export function principalKey(principal: string): string {
  return JSON.stringify(['principal', principal]);
}

/** The serialization key of a table, shared by every permission and filter on it. */
export function tableKey(catalogId: string, databaseName: string, tableName: string): string {
  return JSON.stringify(['table', catalogId, databaseName, tableName]);
}

/** The serialization key of a database, shared by every write on it (and on table wildcards). */
export function databaseKey(catalogId: string, databaseName: string): string {
  return JSON.stringify(['database', catalogId, databaseName]);
}

/** Human-readable form of a resource for messages, e.g. `table sales_orders.orders (catalog 111111111111)`. */
export function describeResource(resource: PermissionResource): string {
  switch (resource.kind) {
    case 'database':
      return `database ${resource.name} (catalog ${resource.catalogId})`;
    case 'table':
      return `table ${resource.databaseName}.${resource.name ?? '*'} (catalog ${resource.catalogId})`;
    case 'tableWithColumns':
      return `columns of table ${resource.databaseName}.${resource.name} (catalog ${resource.catalogId})`;
    case 'dataCellsFilter':
      return `data cells filter ${resource.name} on table ${resource.databaseName}.${resource.tableName} (catalog ${resource.tableCatalogId})`;
    case 'dataLocation':
      return `data location ${resource.resourceArn} (catalog ${resource.catalogId})`;
  }
}
