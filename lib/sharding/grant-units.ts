/**
 * Estimated size of a grant unit: every grant of one consumer on one product, merged per
 * (principal, resource) pair the way `LakeFormationPermissions` merges them, with the data cells
 * filters they use. Built from `planTableAccess` (what a role grants, table by table), which is the
 * reading of the contract `planContractGrant` rests on: per principal DESCRIBE on the database, and
 * per table DESCRIBE plus SELECT on the granted columns or on the role's row filter.
 */
import { GrantConfig, ProductConfig } from '../config/model';
import { DataContract } from '../contract/model';
import { GRANT_METADATA_KEY, GrantMetadata, grantMetadataText } from '../grants/grant-metadata';
import { dataCellsFilterName } from '../plan/row-filter';
import { planTableAccess, TableAccess } from '../plan/table-access';
import { resourceBytes, SizeTally } from './estimate';
import { ShardSize } from './model';

/** Length of a filter's or grant's logical id under `LakeFormationPermissions`. */
const REGISTRY_ID_LENGTH = 49;
/** What a grant unit is estimated at when a role cannot be planned (synth reports the problem itself). */
const UNPLANNABLE: ShardSize = { resources: 1, bytes: 3000 };
const PERMISSION_PATH = 'LakeFormationPermissions/Grant123456789012';

export interface GrantUnitInput {
  readonly product: ProductConfig;
  /** Catalog holding the product's database: the governance account, or the producer's. */
  readonly catalogId: string;
  readonly consumer: { readonly name: string; readonly principals: readonly string[] };
  /** Every grant of this consumer on this product. */
  readonly grants: readonly GrantConfig[];
  readonly restrictedClassification: string;
  /** Logical id lengths of the product's catalog resources (each permission depends on them). */
  readonly productIdLengths: readonly number[];
}

/** One (resource) of the unit, granted to every principal: what its resources' sizes depend on. */
interface Pair {
  readonly resource: Record<string, unknown>;
  readonly permissions: Set<string>;
  readonly table: string | null;
  readonly columns: Set<string>;
  readonly withheld: Set<string>;
  readonly restricted: readonly string[];
  readonly include: Set<string>;
  readonly rowFilter: string | null;
  readonly filtered: boolean;
  readonly grants: GrantConfig[];
}

export function grantUnitSize(input: GrantUnitInput): ShardSize {
  const { product, catalogId } = input;
  const database = product.databaseName;
  const pairs = new Map<string, Pair>();
  const pair = (key: string, create: () => Omit<Pair, 'grants' | 'permissions'>, permissions: readonly string[], grant: GrantConfig): Pair => {
    let found = pairs.get(key);
    if (found === undefined) pairs.set(key, (found = { ...create(), permissions: new Set(), grants: [] }));
    for (const permission of permissions) found.permissions.add(permission);
    found.grants.push(grant);
    return found;
  };
  const tally = new SizeTally();
  for (const grant of input.grants) {
    const tables = tableAccess(product.contract, grant.role, input.restrictedClassification);
    if (tables === undefined) return UNPLANNABLE;
    pair('database', () => ({ resource: { database: { catalogId, name: database } }, ...noColumns(null) }), ['DESCRIBE'], grant);
    for (const access of tables) {
      pair(`describe/${access.table}`, () => ({ resource: { table: { catalogId, databaseName: database, name: access.table } }, ...noColumns(access.table), restricted: access.restrictedColumns, include: new Set(access.includeColumns) }), ['DESCRIBE'], grant);
      if (access.rowFilter === undefined) {
        const select = pair(`select/${access.table}`, () => ({ resource: {}, ...noColumns(access.table), restricted: access.restrictedColumns }), ['SELECT'], grant);
        for (const column of access.columns) select.columns.add(column);
        for (const column of access.withheldColumns) select.withheld.add(column);
        for (const column of access.includeColumns) select.include.add(column);
        continue;
      }
      const name = dataCellsFilterName(input.consumer.name, grant.role);
      const filterResource = { dataCellsFilter: { tableCatalogId: catalogId, databaseName: database, tableName: access.table, name } };
      const filtered = pair(`filter/${access.table}/${name}`, () => ({ resource: filterResource, ...noColumns(access.table), restricted: access.restrictedColumns, rowFilter: access.rowFilter!, filtered: true }), ['SELECT'], grant);
      for (const column of access.columns) filtered.columns.add(column);
      for (const column of access.withheldColumns) filtered.withheld.add(column);
      for (const column of access.includeColumns) filtered.include.add(column);
      tally.addResource({
        type: 'AWS::LakeFormation::DataCellsFilter',
        path: 'LakeFormationPermissions/Filter123456789012',
        properties: { tableCatalogId: catalogId, databaseName: database, tableName: access.table, name, rowFilter: { filterExpression: access.rowFilter }, columnNames: access.columns },
        dependsOn: input.productIdLengths,
        lakeFormationWrite: true,
      });
    }
  }
  const principals = [...new Set(input.consumer.principals)];
  for (const granted of pairs.values()) {
    const resource = granted.table !== null && !granted.filtered && granted.permissions.has('SELECT')
      ? { tableWithColumns: { catalogId, databaseName: database, name: granted.table, columnNames: [...granted.columns] } }
      : granted.resource;
    // One shape for the first principal; the others differ only in the principal's length.
    const bytes = resourceBytes({
      type: 'AWS::LakeFormation::PrincipalPermissions',
      path: PERMISSION_PATH,
      properties: { catalog: catalogId, principal: { dataLakePrincipalIdentifier: '' }, resource, permissions: [...granted.permissions], permissionsWithGrantOption: [] },
      metadata: { [GRANT_METADATA_KEY]: grantMetadataText(metadataOf(input, granted)) },
      dependsOn: granted.filtered ? [...input.productIdLengths, REGISTRY_ID_LENGTH] : input.productIdLengths,
      lakeFormationWrite: true,
    });
    for (const principal of principals) {
      tally.resources += 1;
      tally.bytes += bytes + principal.length;
    }
  }
  return tally.size;
}

function noColumns(table: string | null) {
  return { table, columns: new Set<string>(), withheld: new Set<string>(), restricted: [] as readonly string[], include: new Set<string>(), rowFilter: null as string | null, filtered: false };
}

/** The audit record as `planContractGrant` writes it (lists merged over the pair's grants). */
function metadataOf(input: GrantUnitInput, pair: Pair): GrantMetadata {
  const expiries = pair.grants.map((grant) => grant.expires).filter((date): date is string => date !== undefined).sort();
  return {
    product: input.product.qualifiedName,
    table: pair.table,
    consumer: input.consumer.name,
    contractId: input.product.contract.id,
    contractVersion: input.product.contract.version,
    roles: unique(pair.grants.map((grant) => grant.role)),
    purposes: unique(pair.grants.map((grant) => grant.purpose)),
    requestedBy: unique(pair.grants.map((grant) => grant.requestedBy)),
    approvedBy: unique(pair.grants.map((grant) => grant.approvedBy)),
    expires: expiries[0] ?? null,
    columns: [...pair.columns],
    withheldColumns: [...pair.withheld].filter((column) => !pair.columns.has(column)),
    restrictedColumns: pair.restricted,
    includeColumns: [...pair.include],
    rowFilter: pair.rowFilter,
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** `planTableAccess`, once per contract and role; undefined when the role cannot be granted. */
const accessCache = new WeakMap<DataContract, Map<string, TableAccess[] | undefined>>();

function tableAccess(contract: DataContract, role: string, restrictedClassification: string): TableAccess[] | undefined {
  let byRole = accessCache.get(contract);
  if (byRole === undefined) accessCache.set(contract, (byRole = new Map()));
  const key = `${restrictedClassification}\u0000${role}`;
  if (!byRole.has(key)) {
    try {
      byRole.set(key, planTableAccess(contract, role, { restrictedClassification }));
    } catch {
      byRole.set(key, undefined);
    }
  }
  return byRole.get(key);
}
