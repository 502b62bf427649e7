import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AccountRootPrincipal, CfnRole, Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { LakeFormationPermissions } from '../../../constructs/grants/lake-formation-permissions';
import { LakemeshError } from '../../../lib/errors';
import { GRANT_METADATA_KEY, GrantMetadata } from '../../../lib/grants/grant-metadata';
import { PermissionResource } from '../../../lib/plan/permission-key';
import { Graph, ordered, peakInFlight } from '../../plan/deploy-graph';

const PERMISSIONS_TYPE = 'AWS::LakeFormation::PrincipalPermissions';
const FILTER_TYPE = 'AWS::LakeFormation::DataCellsFilter';
const analyst = 'arn:aws:iam::444444444444:role/analyst';

const metadata: GrantMetadata = {
  product: 'sales.orders',
  table: 'orders',
  consumer: 'marketing',
  contractId: 'orders-contract',
  contractVersion: '1.2.0',
  roles: ['analyst'],
  purposes: ['campaign attribution'],
  requestedBy: ['ana@example.com'],
  approvedBy: ['sales-dpo@example.com'],
  expires: null,
  columns: ['order_id'],
  withheldColumns: ['amount', 'customer_email'],
  restrictedColumns: ['customer_email'],
  includeColumns: [],
  rowFilter: null,
};

const database: PermissionResource = { kind: 'database', catalogId: '111111111111', name: 'sales_orders' };
const columns = (table: string, columnNames: string[]): PermissionResource => ({
  kind: 'tableWithColumns',
  catalogId: '111111111111',
  databaseName: 'sales_orders',
  name: table,
  columnNames,
});
const table = (name: string): PermissionResource => ({
  kind: 'table',
  catalogId: '111111111111',
  databaseName: 'sales_orders',
  name,
});

function newStack(id = 'Governance'): Stack {
  return new Stack(new App(), id);
}

interface TemplateResource {
  readonly Properties: Record<string, unknown>;
  readonly DependsOn?: string[];
  readonly Metadata?: Record<string, unknown>;
}

function resourcesOf(stack: Stack, type: string): Record<string, TemplateResource> {
  return Template.fromStack(stack).findResources(type) as Record<string, TemplateResource>;
}

function errorOf(run: () => unknown): LakemeshError {
  try {
    run();
  } catch (error) {
    if (error instanceof LakemeshError) return error;
    throw error;
  }
  throw new Error('expected a LakemeshError');
}

describe('LakeFormationPermissions.of', () => {
  test('creates one registry per stack, at a stable id, whatever the scope', () => {
    const stack = newStack();
    const nested = new Construct(new Construct(stack, 'A'), 'B');
    const registry = LakeFormationPermissions.of(nested);
    expect(LakeFormationPermissions.of(stack)).toBe(registry);
    expect(registry.node.path).toBe('Governance/LakeFormationPermissions');
  });

  test('uses 5 writes at once by default, or what is configured on first use', () => {
    expect(LakeFormationPermissions.of(newStack()).maxConcurrency).toBe(5);
    const stack = newStack();
    expect(LakeFormationPermissions.of(stack, { maxConcurrency: 2 }).maxConcurrency).toBe(2);
    expect(LakeFormationPermissions.of(stack).maxConcurrency).toBe(2);
  });

  test('fails when a later call asks for another maxConcurrency', () => {
    const stack = newStack();
    LakeFormationPermissions.of(stack, { maxConcurrency: 2 });
    expect(errorOf(() => LakeFormationPermissions.of(stack, { maxConcurrency: 3 })).message).toBe(
      'maxConcurrency: maxConcurrency 3 was asked for, but the Lake Formation permissions of stack Governance already use 2; configure it once, on first use [LM399]',
    );
  });

  test('fails on an invalid maxConcurrency', () => {
    expect(errorOf(() => LakeFormationPermissions.of(newStack(), { maxConcurrency: 0 })).problems[0].code).toBe('LM399');
  });
});

describe('add', () => {
  test('emits a PrincipalPermissions without grant option and with the audit metadata', () => {
    const stack = newStack();
    LakeFormationPermissions.of(stack).add({ principal: analyst, resource: database, permissions: ['DESCRIBE'], metadata });
    const [resource] = Object.values(resourcesOf(stack, PERMISSIONS_TYPE));
    expect(resource.Properties).toEqual({
      Catalog: '111111111111',
      Principal: { DataLakePrincipalIdentifier: analyst },
      Resource: { Database: { CatalogId: '111111111111', Name: 'sales_orders' } },
      Permissions: ['DESCRIBE'],
      PermissionsWithGrantOption: [],
    });
    expect(typeof resource.Metadata?.[GRANT_METADATA_KEY]).toBe('string');
    expect(JSON.parse(resource.Metadata?.[GRANT_METADATA_KEY] as string)).toEqual(metadata);
  });

  test('renders tables, table wildcards, columns and data cells filters', () => {
    const stack = newStack();
    const registry = LakeFormationPermissions.of(stack);
    const add = (resource: PermissionResource, permissions: string[]) => {
      const id = stack.resolve(registry.add({ principal: analyst, resource, permissions, metadata }).logicalId);
      return () => resourcesOf(stack, PERMISSIONS_TYPE)[id].Properties.Resource;
    };
    const named = add(table('orders'), ['DESCRIBE']);
    const wildcard = add({ kind: 'table', catalogId: '111111111111', databaseName: 'sales_orders' }, ['DESCRIBE']);
    const selected = add(columns('orders', ['b', 'a']), ['SELECT']);
    const filtered = add(
      { kind: 'dataCellsFilter', tableCatalogId: '111111111111', databaseName: 'sales_orders', tableName: 'orders', name: 'f' },
      ['SELECT'],
    );
    expect(named()).toEqual({ Table: { CatalogId: '111111111111', DatabaseName: 'sales_orders', Name: 'orders' } });
    expect(wildcard()).toEqual({ Table: { CatalogId: '111111111111', DatabaseName: 'sales_orders', TableWildcard: {} } });
    expect(selected()).toEqual({
      TableWithColumns: { CatalogId: '111111111111', DatabaseName: 'sales_orders', Name: 'orders', ColumnNames: ['a', 'b'] },
    });
    expect(filtered()).toEqual({
      DataCellsFilter: { TableCatalogId: '111111111111', DatabaseName: 'sales_orders', TableName: 'orders', Name: 'f' },
    });
  });

  test('merges one (principal, resource) pair into one resource: permissions, columns and audit records unioned', () => {
    const stack = newStack();
    const registry = LakeFormationPermissions.of(stack);
    const first = registry.add({ principal: analyst, resource: columns('orders', ['order_id']), permissions: ['SELECT'], metadata });
    const second = registry.add({
      principal: analyst,
      resource: columns('orders', ['customer_email', 'order_id']),
      permissions: ['SELECT'],
      metadata: {
        ...metadata,
        roles: ['auditor'],
        purposes: ['fraud review'],
        expires: '2027-01-31',
        columns: ['customer_email', 'order_id'],
        withheldColumns: ['amount'],
        includeColumns: ['customer_email'],
      },
    });
    expect(second).toBe(first);
    const resources = Object.values(resourcesOf(stack, PERMISSIONS_TYPE));
    expect(resources).toHaveLength(1);
    expect(resources[0].Properties.Resource).toEqual({
      TableWithColumns: {
        CatalogId: '111111111111',
        DatabaseName: 'sales_orders',
        Name: 'orders',
        ColumnNames: ['customer_email', 'order_id'],
      },
    });
    expect(JSON.parse(resources[0].Metadata?.[GRANT_METADATA_KEY] as string)).toEqual({
      ...metadata,
      roles: ['analyst', 'auditor'],
      purposes: ['campaign attribution', 'fraud review'],
      expires: '2027-01-31',
      columns: ['customer_email', 'order_id'],
      withheldColumns: ['amount'],
      includeColumns: ['customer_email'],
    });
  });

  test('unions and sorts permissions of one pair', () => {
    const stack = newStack();
    const registry = LakeFormationPermissions.of(stack);
    registry.add({ principal: analyst, resource: database, permissions: ['DESCRIBE'], metadata });
    registry.add({ principal: analyst, resource: database, permissions: ['CREATE_TABLE', 'DESCRIBE'], metadata });
    const [resource] = Object.values(resourcesOf(stack, PERMISSIONS_TYPE));
    expect(resource.Properties.Permissions).toEqual(['CREATE_TABLE', 'DESCRIBE']);
  });

  test('derives logical ids from the pair, not from the order of adds', () => {
    const grants = [
      { principal: analyst, resource: database },
      { principal: analyst, resource: table('orders') },
      { principal: 'arn:aws:iam::444444444444:role/engineer', resource: table('orders') },
      { principal: 'arn:aws:iam::444444444444:role/engineer', resource: table('refunds') },
    ];
    const build = (order: typeof grants) => {
      const stack = newStack();
      for (const grant of order) {
        LakeFormationPermissions.of(stack).add({ ...grant, permissions: ['DESCRIBE'], metadata });
      }
      return Template.fromStack(stack).toJSON();
    };
    const forwards = build(grants);
    expect(build([...grants].reverse())).toEqual(forwards);
    expect(Object.keys(forwards.Resources)).toHaveLength(4);
    for (const id of Object.keys(forwards.Resources)) {
      expect(id).toMatch(/^LakeFormationPermissionsGrant[0-9a-f]{12}[0-9A-F]{8}$/);
    }
  });

  test('refuses principals that must never be granted', () => {
    const registry = LakeFormationPermissions.of(newStack());
    const add = (principal: string) => () => registry.add({ principal, resource: database, permissions: ['DESCRIBE'], metadata });
    expect(errorOf(add('IAM_ALLOWED_PRINCIPALS')).message).toBe(
      'principal: principal "IAM_ALLOWED_PRINCIPALS" is refused because it hands the resource to IAM policies and bypasses Lake Formation; grant to the ARN of a specific IAM role or user instead [LM396]',
    );
    expect(errorOf(add('*')).problems[0].code).toBe('LM396');
    expect(errorOf(add('arn:aws:iam::444444444444:root')).problems[0].code).toBe('LM396');
  });

  test('accepts a token principal and keys it by its resolved form', () => {
    const build = (extra: boolean) => {
      const stack = newStack();
      if (extra) new Role(stack, 'Unrelated', { assumedBy: new AccountRootPrincipal() });
      const role = new Role(stack, 'Analyst', { assumedBy: new AccountRootPrincipal() });
      LakeFormationPermissions.of(stack).add({ principal: role.roleArn, resource: database, permissions: ['DESCRIBE'], metadata });
      const roleId = stack.resolve((role.node.defaultChild as CfnRole).logicalId);
      return { roleId, resources: Object.entries(resourcesOf(stack, PERMISSIONS_TYPE)) };
    };
    const { roleId, resources: [[id, resource]] } = build(false);
    expect(resource.Properties.Principal).toEqual({ DataLakePrincipalIdentifier: { 'Fn::GetAtt': [roleId, 'Arn'] } });
    // Token numbering shifts when other constructs come first; the logical id must not.
    expect(build(true).resources[0][0]).toBe(id);
  });

  test('depends on what it is given', () => {
    const stack = newStack();
    const product = new CfnWaitConditionHandle(stack, 'Product');
    LakeFormationPermissions.of(stack).add({ principal: analyst, resource: database, permissions: ['DESCRIBE'], metadata, dependsOn: [product] });
    const [resource] = Object.values(resourcesOf(stack, PERMISSIONS_TYPE));
    expect(resource.DependsOn).toEqual(['Product']);
  });
});

describe('addDataCellsFilter', () => {
  const filter = {
    tableCatalogId: '111111111111',
    databaseName: 'sales_orders',
    tableName: 'orders',
    name: 'marketing_analyst_0a1b2c3d',
    rowFilter: "country = 'DE'",
    columnNames: ['order_id', 'country'],
  };

  test('creates the filter once per (table, name)', () => {
    const stack = newStack();
    const registry = LakeFormationPermissions.of(stack);
    expect(registry.addDataCellsFilter(filter)).toBe(registry.addDataCellsFilter({ ...filter, columnNames: ['country', 'order_id'] }));
    const filters = Object.values(resourcesOf(stack, FILTER_TYPE));
    expect(filters).toHaveLength(1);
    expect(filters[0].Properties).toEqual({
      TableCatalogId: '111111111111',
      DatabaseName: 'sales_orders',
      TableName: 'orders',
      Name: 'marketing_analyst_0a1b2c3d',
      RowFilter: { FilterExpression: "country = 'DE'" },
      ColumnNames: ['country', 'order_id'],
    });
  });

  test('fails when one name is defined twice differently', () => {
    const registry = LakeFormationPermissions.of(newStack());
    registry.addDataCellsFilter(filter);
    expect(errorOf(() => registry.addDataCellsFilter({ ...filter, rowFilter: "country = 'FR'" })).message).toBe(
      `name: data cells filter "marketing_analyst_0a1b2c3d" on table sales_orders.orders is defined twice differently (row filter "country = 'DE'" on columns country, order_id vs "country = 'FR'" on columns country, order_id); give each filter its own name [LM398]`,
    );
  });

  test('fails past 100 filter grants for one principal on one table', () => {
    const registry = LakeFormationPermissions.of(newStack());
    const grantFilter = (index: number) =>
      registry.add({
        principal: analyst,
        resource: { kind: 'dataCellsFilter', tableCatalogId: '111111111111', databaseName: 'sales_orders', tableName: 'orders', name: `f${index}` },
        permissions: ['SELECT'],
        metadata,
      });
    for (let index = 1; index <= 100; index++) grantFilter(index);
    grantFilter(100); // merging into an existing pair does not count
    expect(errorOf(() => grantFilter(101)).message).toBe(
      `principal: principal "${analyst}" would hold 101 data cells filter grants on table sales_orders.orders (filter f101 is the last); Lake Formation allows at most 100 per principal and table: grant this consumer fewer row-filtered roles [LM388]`,
    );
  });
});

describe('deploy order', () => {
  function graphOf(stack: Stack): Graph & { types: Map<string, string> } {
    const resources = Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string; DependsOn?: string[] }>;
    const ids = Object.keys(resources).filter((id) => resources[id].Type.startsWith('AWS::LakeFormation::'));
    const dependencies = new Map(ids.map((id) => [id, (resources[id].DependsOn ?? []).filter((dep) => ids.includes(dep))]));
    const order: string[] = [];
    const visit = (id: string) => {
      if (order.includes(id)) return;
      for (const dep of dependencies.get(id) ?? []) visit(dep);
      order.push(id);
    };
    ids.forEach(visit);
    return { order, dependencies, types: new Map(ids.map((id) => [id, resources[id].Type])) };
  }

  test('serializes writes sharing a principal or a table and bounds writes in flight (template)', () => {
    const stack = newStack();
    const registry = LakeFormationPermissions.of(stack, { maxConcurrency: 3 });
    const principals = ['a', 'b', 'c', 'd'].map((name) => `arn:aws:iam::444444444444:role/${name}`);
    const tables = ['t1', 't2', 't3'];
    const keyOf = new Map<string, string[]>();
    for (const principal of principals) {
      for (const name of tables) {
        const resource = registry.add({ principal, resource: table(name), permissions: ['DESCRIBE'], metadata });
        keyOf.set(stack.resolve(resource.logicalId), [principal, name]);
      }
    }
    const graph = graphOf(stack);
    expect(graph.order).toHaveLength(12);
    for (const a of graph.order) {
      for (const b of graph.order) {
        const [pa, ta] = keyOf.get(a) as string[];
        const [pb, tb] = keyOf.get(b) as string[];
        if (a !== b && (pa === pb || ta === tb)) expect(ordered(graph, a, b)).toBe(true);
      }
    }
    for (const duration of [() => 1, (id: string) => (id.charCodeAt(30) % 7) + 1]) {
      expect(peakInFlight(graph, duration)).toBeLessThanOrEqual(3);
    }
  });

  test('makes a filter grant wait for its filter, and puts filters first', () => {
    const stack = newStack();
    const registry = LakeFormationPermissions.of(stack, { maxConcurrency: 1 });
    const filterResource = registry.addDataCellsFilter({
      tableCatalogId: '111111111111',
      databaseName: 'sales_orders',
      tableName: 'orders',
      name: 'f',
      rowFilter: 'a = 1',
      columnNames: ['a'],
    });
    const grant = registry.add({
      principal: analyst,
      resource: { kind: 'dataCellsFilter', tableCatalogId: '111111111111', databaseName: 'sales_orders', tableName: 'orders', name: 'f' },
      permissions: ['SELECT'],
      metadata,
      dependsOn: [filterResource],
    });
    const other = registry.add({ principal: analyst, resource: database, permissions: ['DESCRIBE'], metadata });
    const graph = graphOf(stack);
    const [filterId, grantId, otherId] = [filterResource, grant, other].map((r) => stack.resolve(r.logicalId) as string);
    expect(graph.order[0]).toBe(filterId);
    expect(graph.dependencies.get(grantId)).toContain(filterId);
    expect(ordered(graph, grantId, otherId)).toBe(true);
  });

  test('adds edges once however often the stack is synthesized', () => {
    const stack = newStack();
    const registry = LakeFormationPermissions.of(stack, { maxConcurrency: 1 });
    registry.add({ principal: analyst, resource: database, permissions: ['DESCRIBE'], metadata });
    registry.add({ principal: analyst, resource: table('orders'), permissions: ['DESCRIBE'], metadata });
    const first = Template.fromStack(stack).toJSON();
    expect(Template.fromStack(stack).toJSON()).toEqual(first);
    const dependsOn = Object.values(first.Resources as Record<string, { DependsOn?: string[] }>).flatMap((r) => r.DependsOn ?? []);
    expect(dependsOn).toHaveLength(1);
  });
});
