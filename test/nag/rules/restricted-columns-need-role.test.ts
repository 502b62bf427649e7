import { Stack } from 'aws-cdk-lib';
import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import { RestrictedColumnsNeedRole, dataMeshRuleId } from '../../../lib/nag';
import { CENTRAL_ACCOUNT, findingsOf, grantMetadata, newStack, principalPermissions } from '../fixtures';

const RULE = dataMeshRuleId(RestrictedColumnsNeedRole);
const TABLE = { catalogId: CENTRAL_ACCOUNT, databaseName: 'sales_orders', name: 'orders' };

function flagged(path: string) {
  return [{ ruleId: 'DataMesh-RestrictedColumnsNeedRole', severity: 'error', path, description: RestrictedColumnsNeedRole.info }];
}

function columnGrant(stack: Stack, tableWithColumns: Partial<lakeformation.CfnPrincipalPermissions.TableWithColumnsResourceProperty>, includeColumns: string[] = []) {
  return principalPermissions(stack, 'Grant', {
    resource: { tableWithColumns: { ...TABLE, ...tableWithColumns } },
    metadata: grantMetadata({ restrictedColumns: ['email', 'phone'], includeColumns }),
  });
}

function filterGrant(stack: Stack, filter: Partial<lakeformation.CfnDataCellsFilterProps>) {
  new lakeformation.CfnDataCellsFilter(stack, 'Filter', {
    tableCatalogId: CENTRAL_ACCOUNT,
    databaseName: 'sales_orders',
    tableName: 'orders',
    name: 'analyst_de',
    rowFilter: { filterExpression: "country = 'DE'" },
    ...filter,
  });
  return principalPermissions(stack, 'Grant', {
    resource: { dataCellsFilter: { tableCatalogId: CENTRAL_ACCOUNT, databaseName: 'sales_orders', tableName: 'orders', name: 'analyst_de' } },
    metadata: grantMetadata({ restrictedColumns: ['email'], includeColumns: [] }),
  });
}

describe('DataMesh-RestrictedColumnsNeedRole', () => {
  test('fires when ColumnNames hold a restricted column the role does not include', () => {
    const stack = newStack();
    const grant = columnGrant(stack, { columnNames: ['order_id', 'email'] }, ['phone']);
    expect(findingsOf(stack, RULE)).toEqual(flagged(grant.node.path));
  });

  test('compares column names case-insensitively', () => {
    const stack = newStack();
    const grant = columnGrant(stack, { columnNames: ['order_id', 'EMAIL'] });
    expect(findingsOf(stack, RULE)).toEqual(flagged(grant.node.path));
  });

  test('fires on a ColumnWildcard that does not exclude every restricted column outside includeColumns', () => {
    const stack = newStack();
    const grant = columnGrant(stack, { columnWildcard: { excludedColumnNames: ['email'] } });
    expect(findingsOf(stack, RULE)).toEqual(flagged(grant.node.path));
  });

  test('fires on SELECT over the whole table when the table has restricted columns', () => {
    const stack = newStack();
    const grant = principalPermissions(stack, 'Grant', {
      resource: { table: { catalogId: CENTRAL_ACCOUNT, databaseName: 'sales_orders', name: 'orders' } },
      permissions: ['SELECT', 'DESCRIBE'],
      metadata: grantMetadata({ restrictedColumns: ['email'] }),
    });
    expect(findingsOf(stack, RULE)).toEqual(flagged(grant.node.path));
  });

  test('fires on a grant through a data cells filter whose columns include a restricted one', () => {
    const stack = newStack();
    const grant = filterGrant(stack, { columnWildcard: {} });
    expect(findingsOf(stack, RULE)).toEqual(flagged(grant.node.path));
  });

  test.each<[string, Partial<lakeformation.CfnPrincipalPermissions.TableWithColumnsResourceProperty>, string[]]>([
    ['ColumnNames without restricted columns', { columnNames: ['order_id', 'amount'] }, []],
    ['ColumnNames whose restricted columns the role includes', { columnNames: ['order_id', 'email', 'phone'] }, ['email', 'phone']],
    ['a ColumnWildcard excluding the restricted columns', { columnWildcard: { excludedColumnNames: ['Email', 'phone'] } }, []],
    ['a ColumnWildcard whose unexcluded restricted columns the role includes', { columnWildcard: { excludedColumnNames: ['phone'] } }, ['email']],
  ])('is silent on %s', (_name, columns, includeColumns) => {
    const stack = newStack();
    columnGrant(stack, columns, includeColumns);
    expect(findingsOf(stack, RULE)).toEqual([]);
  });

  test('is silent on DESCRIBE over the whole table and on a data cells filter without restricted columns', () => {
    const describeStack = newStack();
    principalPermissions(describeStack, 'Grant', {
      resource: { table: { catalogId: CENTRAL_ACCOUNT, databaseName: 'sales_orders', name: 'orders' } },
      permissions: ['DESCRIBE'],
      metadata: grantMetadata({ restrictedColumns: ['email'] }),
    });
    const filterStack = newStack();
    filterGrant(filterStack, { columnNames: ['order_id', 'country'] });
    expect([...findingsOf(describeStack, RULE), ...findingsOf(filterStack, RULE)]).toEqual([]);
  });

  test('is silent on grants without grant metadata or on a data cells filter it cannot find', () => {
    const stack = newStack();
    principalPermissions(stack, 'Unaudited', { resource: { tableWithColumns: { ...TABLE, columnWildcard: {} } } });
    principalPermissions(stack, 'ElsewhereFilter', {
      resource: { dataCellsFilter: { tableCatalogId: CENTRAL_ACCOUNT, databaseName: 'sales_orders', tableName: 'orders', name: 'other' } },
      metadata: grantMetadata({ restrictedColumns: ['email'] }),
    });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });
});
