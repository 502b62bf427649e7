/** Keys and descriptions of catalog objects and tag targets, shared by every drift step. */
import { ALL_TABLES, CatalogObject, TagTarget } from './model';

const SEPARATOR = '\u0000';

/** A comparable identity of a catalog object. */
export function objectKey(object: CatalogObject): string {
  switch (object.type) {
    case 'database':
      return ['database', object.catalogId, object.database].join(SEPARATOR);
    case 'table':
      return ['table', object.catalogId, object.database, object.table].join(SEPARATOR);
    case 'dataCellsFilter':
      return ['filter', object.catalogId, object.database, object.table, object.filter].join(SEPARATOR);
    case 'dataLocation':
      return ['location', object.catalogId, object.location].join(SEPARATOR);
  }
}

/** The key of (principal, object): the unit drift compares. */
export function grantKey(principal: string, object: CatalogObject): string {
  return `${principal}${SEPARATOR}${objectKey(object)}`;
}

export function tableKey(catalogId: string, database: string, table: string): string {
  return [catalogId, database, table].join(SEPARATOR);
}

export function databaseKey(catalogId: string, database: string): string {
  return [catalogId, database].join(SEPARATOR);
}

export function tagTargetKey(target: TagTarget): string {
  switch (target.type) {
    case 'database':
      return ['database', target.catalogId, target.database].join(SEPARATOR);
    case 'table':
      return ['table', target.catalogId, target.database, target.table].join(SEPARATOR);
    case 'column':
      return ['column', target.catalogId, target.database, target.table, target.column].join(SEPARATOR);
  }
}

/**
 * `database sales_orders`, `table sales_orders.orders`, `every table of sales_orders`,
 * `data cells filter de_only on sales_orders.orders`, `data location arn:aws:s3:::bucket/prefix`; the catalog shows (`111111111111:sales_orders`)
 * only when it is not the account's own.
 */
export function describeObject(object: CatalogObject, account: string): string {
  if (object.type === 'dataLocation') return `data location ${object.location}`;
  const database = qualified(object.catalogId, object.database, account);
  switch (object.type) {
    case 'database':
      return `database ${database}`;
    case 'table':
      return object.table === ALL_TABLES ? `every table of ${database}` : `table ${database}.${object.table}`;
    case 'dataCellsFilter':
      return `data cells filter ${object.filter} on ${database}.${object.table}`;
  }
}

export function describeTagTarget(target: TagTarget, account: string): string {
  const database = qualified(target.catalogId, target.database, account);
  switch (target.type) {
    case 'database':
      return `database ${database}`;
    case 'table':
      return `table ${database}.${target.table}`;
    case 'column':
      return `column ${database}.${target.table}.${target.column}`;
  }
}

function qualified(catalogId: string, database: string, account: string): string {
  return catalogId === account ? database : `${catalogId}:${database}`;
}

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareText);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
