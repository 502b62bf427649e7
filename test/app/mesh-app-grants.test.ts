/**
 * The consumer grants of the retail example with central-catalog sharing: who gets which columns of
 * which table, with which row filter, under which contract, checked against the grants written out
 * by hand in `./mesh-app-expected.ts`.
 */
import { GRANT_METADATA_KEY, GrantMetadata, grantMetadataRecord } from '../../lib/grants/grant-metadata';
import { deploysAfter } from '../support/deploy-order';
import { CfnResourceJson, SynthesizedMesh, synthesizeMesh } from '../support/mesh-app-fixture';
import {
  CONTRACTS,
  DOMAIN_ACCOUNTS,
  EXPECTED_GRANTS,
  ExpectedGrant,
  expectedRows,
  GOVERNANCE_ACCOUNT,
  hasGrantMetadata,
  permissionProperties,
  permissionRows,
  PRINCIPALS,
} from './mesh-app-expected';

const GOVERNANCE_STACK = 'retail-governance';
const PERMISSIONS_TYPE = 'AWS::LakeFormation::PrincipalPermissions';
const FILTER_TYPE = 'AWS::LakeFormation::DataCellsFilter';

let synthesized: SynthesizedMesh;
beforeAll(() => {
  synthesized = synthesizeMesh();
});

const permissions = (): [string, CfnResourceJson][] => synthesized.resources(GOVERNANCE_STACK, PERMISSIONS_TYPE);

/** The permissions of `principal` on `grant`'s database and table, by what they grant. */
function permissionsOf(grant: ExpectedGrant, principal: string) {
  const mine = permissions().filter(([, resource]) => {
    const properties = permissionProperties(resource);
    const { Database, Table, TableWithColumns, DataCellsFilter } = properties.Resource;
    const database = Database?.Name ?? Table?.DatabaseName ?? TableWithColumns?.DatabaseName ?? DataCellsFilter?.DatabaseName;
    return properties.Principal.DataLakePrincipalIdentifier === principal && database === grant.database;
  });
  const find = (kind: 'Database' | 'Table' | 'TableWithColumns' | 'DataCellsFilter') => {
    const found = mine.filter(([, resource]) => permissionProperties(resource).Resource[kind] !== undefined);
    return found.length === 1 ? found[0] : undefined;
  };
  return { all: mine, database: find('Database'), table: find('Table'), columns: find('TableWithColumns'), filter: find('DataCellsFilter') };
}

function metadataOf(resource: CfnResourceJson): GrantMetadata {
  return grantMetadataRecord(resource.Metadata?.[GRANT_METADATA_KEY]) as unknown as GrantMetadata;
}

/** The audit record every permission of `grant` carries, before table and column facts. */
function auditOf(grant: ExpectedGrant) {
  return {
    product: grant.product,
    consumer: grant.consumer,
    contractId: CONTRACTS[grant.product].id,
    contractVersion: CONTRACTS[grant.product].version,
    roles: [grant.role],
    purposes: [grant.purpose],
    requestedBy: [grant.requestedBy],
    approvedBy: [grant.approvedBy],
    expires: grant.expires,
  };
}

const sorted = (values: readonly string[]) => [...values].sort();

const GRANT_CASES = EXPECTED_GRANTS.flatMap((grant) =>
  PRINCIPALS[grant.consumer].map((principal) => ({ name: `${grant.product} → ${principal} (${grant.consumer}, ${grant.role})`, grant, principal })),
);

describe('consumer grants of the retail example (central-catalog)', () => {
  test('the governance stack grants exactly the expected permissions, and nothing else', () => {
    const expected = EXPECTED_GRANTS.flatMap((grant) => expectedRows(grant, GOVERNANCE_ACCOUNT)).sort();
    expect(expected).toHaveLength(42);
    expect(permissionRows(synthesized.json(GOVERNANCE_STACK))).toEqual(expected);
  });

  describe.each(GRANT_CASES)('$name', ({ grant, principal }) => {
    test('DESCRIBE on the central database, with the grant audit record', () => {
      const found = permissionsOf(grant, principal).database;
      expect(found).toBeDefined();
      const [, resource] = found!;
      expect(permissionProperties(resource)).toEqual({
        Catalog: GOVERNANCE_ACCOUNT,
        Principal: { DataLakePrincipalIdentifier: principal },
        Resource: { Database: { CatalogId: GOVERNANCE_ACCOUNT, Name: grant.database } },
        Permissions: ['DESCRIBE'],
        PermissionsWithGrantOption: [],
      });
      expect(metadataOf(resource)).toEqual({
        ...auditOf(grant),
        table: null,
        columns: [],
        withheldColumns: [],
        restrictedColumns: [],
        includeColumns: [],
        rowFilter: null,
      });
    });

    test('SELECT on exactly the granted columns, through the row filter when the role has one', () => {
      const { columns, filter } = permissionsOf(grant, principal);
      const select = grant.rowFilter === null ? columns : filter;
      expect(grant.rowFilter === null ? filter : columns).toBeUndefined();
      expect(select).toBeDefined();
      const [, resource] = select!;
      const properties = permissionProperties(resource);
      expect(properties.Catalog).toBe(GOVERNANCE_ACCOUNT);
      expect(properties.Permissions).toEqual(['SELECT']);
      expect(properties.PermissionsWithGrantOption).toEqual([]);
      if (grant.rowFilter === null) {
        expect(properties.Resource).toEqual({
          TableWithColumns: { CatalogId: GOVERNANCE_ACCOUNT, DatabaseName: grant.database, Name: grant.table, ColumnNames: sorted(grant.columns) },
        });
      } else {
        const reference = properties.Resource.DataCellsFilter!;
        expect(reference).toMatchObject({ TableCatalogId: GOVERNANCE_ACCOUNT, DatabaseName: grant.database, TableName: grant.table });
        const [, definition] = synthesized
          .resources(GOVERNANCE_STACK, FILTER_TYPE)
          .find(([, candidate]) => candidate.Properties?.Name === reference.Name)!;
        expect(definition.Properties).toEqual({
          TableCatalogId: GOVERNANCE_ACCOUNT,
          DatabaseName: grant.database,
          TableName: grant.table,
          Name: reference.Name,
          RowFilter: { FilterExpression: grant.rowFilter },
          ColumnNames: sorted(grant.columns),
        });
      }
      expect(metadataOf(resource)).toEqual({
        ...auditOf(grant),
        table: grant.table,
        columns: sorted(grant.columns),
        withheldColumns: sorted(grant.withheldColumns),
        restrictedColumns: sorted(grant.restrictedColumns),
        includeColumns: sorted(grant.includeColumns),
        rowFilter: grant.rowFilter,
      });
    });

    test('DESCRIBE on the table, with the audit record naming the table and no columns', () => {
      const found = permissionsOf(grant, principal).table;
      expect(found).toBeDefined();
      const [, resource] = found!;
      expect(permissionProperties(resource)).toEqual({
        Catalog: GOVERNANCE_ACCOUNT,
        Principal: { DataLakePrincipalIdentifier: principal },
        Resource: { Table: { CatalogId: GOVERNANCE_ACCOUNT, DatabaseName: grant.database, Name: grant.table } },
        Permissions: ['DESCRIBE'],
        PermissionsWithGrantOption: [],
      });
      expect(metadataOf(resource)).toMatchObject({ ...auditOf(grant), table: grant.table, columns: [], rowFilter: null });
    });

    test('no other permission on the product', () => {
      expect(permissionsOf(grant, principal).all).toHaveLength(3);
    });
  });

  test('restricted columns reach only the role that lists them in lakemesh.includeColumns', () => {
    const selects = permissionRows(synthesized.json(GOVERNANCE_STACK)).filter((line) => line.includes('customers_profiles.customers ') && line.endsWith('| SELECT'));
    expect(selects).toHaveLength(4);
    const granted = (line: string) => /\[(.*)\]/.exec(line)![1].split(',');
    const principal = (line: string) => line.split(' | ')[0];
    expect(selects.filter((line) => granted(line).includes('email')).map(principal).sort()).toEqual(sorted(PRINCIPALS.finance));
    expect(selects.filter((line) => granted(line).includes('phone'))).toEqual([]);
  });

  test.each([
    ['marketing', 'sales_orders.orders', ['customer_id', 'payment_method']],
    ['marketing', 'customers_profiles.customers', ['first_name', 'last_name']],
    ['finance', 'logistics_shipments.shipments', ['destination']],
  ])('excluded columns are never granted: %s on %s gets none of %j', (consumer, table, excluded) => {
    const rows = permissionRows(synthesized.json(GOVERNANCE_STACK)).filter(
      (line) => PRINCIPALS[consumer].some((principal) => line.startsWith(`${principal} |`)) && line.includes(`${table} `),
    );
    const selects = rows.filter((line) => line.endsWith('| SELECT'));
    expect(selects).toHaveLength(2);
    for (const line of selects) {
      const granted = /\[(.*)\]/.exec(line)![1].split(',');
      expect(granted.filter((column) => excluded.includes(column))).toEqual([]);
    }
  });

  test('the one row filter of the example is one data cells filter, shared by both marketing principals', () => {
    const filters = synthesized.resources(GOVERNANCE_STACK, FILTER_TYPE);
    expect(filters).toHaveLength(1);
    const [filterId] = filters[0];
    const onFilter = permissions().filter(([, resource]) => permissionProperties(resource).Resource.DataCellsFilter !== undefined);
    expect(onFilter.map(([, resource]) => permissionProperties(resource).Principal.DataLakePrincipalIdentifier).sort()).toEqual(sorted(PRINCIPALS.marketing));
    for (const [id] of onFilter) expect(deploysAfter(synthesized.json(GOVERNANCE_STACK).Resources, id)).toContain(filterId);
  });

  test('every grant deploys after the central database and table it names, and the filter after its table', () => {
    const databases = new Map(
      synthesized.resources(GOVERNANCE_STACK, 'AWS::Glue::Database').map(([id, resource]) => [(resource.Properties!.DatabaseInput as { Name: string }).Name, id]),
    );
    const tables = new Map(
      synthesized
        .resources(GOVERNANCE_STACK, 'AWS::Glue::Table')
        .map(([id, resource]) => [`${resource.Properties!.DatabaseName}.${(resource.Properties!.TableInput as { Name: string }).Name}`, id]),
    );
    for (const [id, resource] of permissions()) {
      const { Database, Table, TableWithColumns, DataCellsFilter } = permissionProperties(resource).Resource;
      const database = Database?.Name ?? Table?.DatabaseName ?? TableWithColumns?.DatabaseName ?? DataCellsFilter?.DatabaseName;
      const table = Table?.Name ?? TableWithColumns?.Name ?? DataCellsFilter?.TableName;
      const after = deploysAfter(synthesized.json(GOVERNANCE_STACK).Resources, id);
      expect({ id, after }).toEqual({ id, after: expect.arrayContaining([databases.get(database!)]) });
      if (table !== undefined) expect({ id, after }).toEqual({ id, after: expect.arrayContaining([tables.get(`${database}.${table}`)]) });
    }
    const [filterId] = synthesized.resources(GOVERNANCE_STACK, FILTER_TYPE)[0];
    expect(deploysAfter(synthesized.json(GOVERNANCE_STACK).Resources, filterId)).toEqual(expect.arrayContaining([tables.get('sales_orders.orders'), databases.get('sales_orders')]));
  });

  test('consumer grants are made by the governance account only: domain stacks grant their own producers, consumer stacks their own links', () => {
    for (const [domain, account] of Object.entries(DOMAIN_ACCOUNTS)) {
      const stack = `retail-domain-${domain}`;
      const grants = synthesized.resources(stack, PERMISSIONS_TYPE);
      expect(grants.length).toBeGreaterThan(0);
      for (const [, resource] of grants) {
        const properties = permissionProperties(resource);
        expect({ stack, principal: properties.Principal.DataLakePrincipalIdentifier }).toEqual({
          stack,
          principal: expect.stringMatching(new RegExp(`^arn:aws:iam::${account}:role/`)),
        });
        expect(hasGrantMetadata(resource)).toBe(false);
      }
    }
  });

  test('no template of the app grants with the grant option or to IAM_ALLOWED_PRINCIPALS', () => {
    for (const stack of synthesized.stackNames) {
      const text = JSON.stringify(synthesized.json(stack));
      expect({ stack, found: text.includes('IAM_ALLOWED_PRINCIPALS') }).toEqual({ stack, found: false });
      for (const [, resource] of synthesized.resources(stack, PERMISSIONS_TYPE)) {
        expect(permissionProperties(resource).PermissionsWithGrantOption).toEqual([]);
      }
    }
  });
});
