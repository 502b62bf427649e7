import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ContractGrant, ContractGrantProps } from '../../../constructs/grants/contract-grant';
import { LakeFormationPermissions } from '../../../constructs/grants/lake-formation-permissions';
import { DataContract } from '../../../lib/contract/model';
import { LakemeshError } from '../../../lib/errors';
import { GRANT_METADATA_KEY, GrantMetadata, grantMetadataRecord } from '../../../lib/grants/grant-metadata';
import { ordersContract, role } from '../../support/contract-factory';
import { FakeDataProduct } from '../../support/fake-data-product';
import { ancestors, Graph, ordered } from '../../plan/deploy-graph';
import { deploysAfter } from '../../support/deploy-order';

const PERMISSIONS_TYPE = 'AWS::LakeFormation::PrincipalPermissions';
const FILTER_TYPE = 'AWS::LakeFormation::DataCellsFilter';
const analyst = 'arn:aws:iam::444444444444:role/marketing-analyst';
const engineer = 'arn:aws:iam::444444444444:role/marketing-engineer';

interface TemplateResource {
  readonly Type: string;
  readonly Properties: Record<string, unknown> & {
    Resource: Record<string, Record<string, unknown>>;
    Principal: { DataLakePrincipalIdentifier: string };
    Permissions: string[];
    PermissionsWithGrantOption: string[];
  };
  readonly DependsOn?: string[];
  readonly Metadata: { [GRANT_METADATA_KEY]: GrantMetadata };
}

type GrantOptions = Partial<Omit<ContractGrantProps, 'product'>>;

function setUp(contract: DataContract = ordersContract()) {
  const stack = new Stack(new App(), 'Governance');
  const product = new FakeDataProduct(stack, 'Orders', { contract });
  const grant = (id: string, options: GrantOptions = {}) =>
    new ContractGrant(stack, id, {
      product,
      consumer: { name: 'marketing', principals: [analyst] },
      role: 'analyst',
      purpose: 'campaign attribution',
      requestedBy: 'ana@example.com',
      approvedBy: 'sales-dpo@example.com',
      expires: '2027-06-30',
      today: '2026-11-20',
      ...options,
    });
  return { stack, product, grant };
}

/** The grant resources, with their audit record (a JSON string in the template) read back. */
function permissionsOf(stack: Stack): Record<string, TemplateResource> {
  const found = Template.fromStack(stack).findResources(PERMISSIONS_TYPE) as Record<string, Omit<TemplateResource, 'Metadata'> & { Metadata: Record<string, unknown> }>;
  return Object.fromEntries(
    Object.entries(found).map(([id, resource]) => [id, { ...resource, Metadata: { [GRANT_METADATA_KEY]: grantMetadataRecord(resource.Metadata[GRANT_METADATA_KEY]) as unknown as GrantMetadata } }]),
  );
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

const filteredContract = () =>
  ordersContract({
    roles: [
      role('analyst', { rowFilter: { orders: "country = 'DE'" } }),
      role('auditor', { includeColumns: ['customer_email'] }),
    ],
  });

describe('ContractGrant', () => {
  test('grants DESCRIBE on the database, SELECT on granted columns and DESCRIBE on each table', () => {
    const { stack, grant } = setUp();
    grant('Marketing');
    const template = Template.fromStack(stack);
    template.resourceCountIs(PERMISSIONS_TYPE, 5);
    template.resourceCountIs(FILTER_TYPE, 0);
    template.hasResourceProperties(PERMISSIONS_TYPE, {
      Catalog: '111111111111',
      Principal: { DataLakePrincipalIdentifier: analyst },
      Resource: { Database: { CatalogId: '111111111111', Name: 'sales_orders' } },
      Permissions: ['DESCRIBE'],
      PermissionsWithGrantOption: [],
    });
    template.hasResourceProperties(PERMISSIONS_TYPE, {
      Resource: {
        TableWithColumns: {
          CatalogId: '111111111111',
          DatabaseName: 'sales_orders',
          Name: 'orders',
          ColumnNames: ['amount', 'country', 'dt', 'items', 'order_id'],
        },
      },
      Permissions: ['SELECT'],
      PermissionsWithGrantOption: [],
    });
    template.hasResourceProperties(PERMISSIONS_TYPE, {
      Resource: { Table: { CatalogId: '111111111111', DatabaseName: 'sales_orders', Name: 'refunds' } },
      Permissions: ['DESCRIBE'],
    });
  });

  test('writes the audit metadata exactly', () => {
    const { stack, grant } = setUp();
    grant('Marketing');
    const selectOnOrders = Object.values(permissionsOf(stack)).find(
      (r) => r.Properties.Resource.TableWithColumns?.Name === 'orders',
    );
    expect(selectOnOrders?.Metadata[GRANT_METADATA_KEY]).toEqual({
      product: 'sales.orders',
      table: 'orders',
      consumer: 'marketing',
      contractId: 'orders-contract',
      contractVersion: '1.2.0',
      roles: ['analyst'],
      purposes: ['campaign attribution'],
      requestedBy: ['ana@example.com'],
      approvedBy: ['sales-dpo@example.com'],
      expires: '2027-06-30',
      columns: ['amount', 'country', 'dt', 'items', 'order_id'],
      withheldColumns: ['customer_email'],
      restrictedColumns: ['customer_email'],
      includeColumns: [],
      rowFilter: null,
    });
  });

  test('exposes what it grants', () => {
    const { grant } = setUp(filteredContract());
    const marketing = grant('Marketing', { consumer: { name: 'marketing', principals: [analyst, engineer] } });
    expect(marketing.tables.map((t) => t.table)).toEqual(['orders', 'refunds']);
    expect(marketing.permissions).toHaveLength(10);
    expect(marketing.filters).toHaveLength(1);
  });

  test('withholds restricted columns unless the role includes them', () => {
    const { stack, grant } = setUp();
    grant('Auditor', { role: 'auditor' });
    Template.fromStack(stack).hasResourceProperties(PERMISSIONS_TYPE, {
      Resource: { TableWithColumns: { Name: 'refunds', ColumnNames: ['customer_email', 'order_id', 'refund_id'] } },
    });
  });

  test('a row filter becomes a data cells filter; the grant is on the filter and depends on it', () => {
    const { stack, product, grant } = setUp(filteredContract());
    grant('Marketing');
    const productId = stack.resolve(product.catalogResource.logicalId);
    const template = Template.fromStack(stack);
    const filters = template.findResources(FILTER_TYPE);
    const [[filterId, filter]] = Object.entries(filters);
    expect(filter.Properties).toEqual({
      TableCatalogId: '111111111111',
      DatabaseName: 'sales_orders',
      TableName: 'orders',
      Name: expect.stringMatching(/^marketing_analyst_[0-9a-f]{8}$/),
      RowFilter: { FilterExpression: "country = 'DE'" },
      ColumnNames: ['amount', 'country', 'dt', 'items', 'order_id'],
    });
    const all = template.toJSON().Resources;
    expect(deploysAfter(all, filterId)).toContain(productId);
    const [filterGrantId, filterGrant] = Object.entries(permissionsOf(stack)).find(([, r]) => r.Properties.Resource.DataCellsFilter) ?? [];
    expect(filterGrant?.Properties.Resource.DataCellsFilter).toEqual({
      TableCatalogId: '111111111111',
      DatabaseName: 'sales_orders',
      TableName: 'orders',
      Name: filter.Properties.Name,
    });
    expect(filterGrant?.Properties.Permissions).toEqual(['SELECT']);
    expect(deploysAfter(all, filterGrantId!)).toContain(filterId);
    expect(filterGrant?.Metadata[GRANT_METADATA_KEY].rowFilter).toBe("country = 'DE'");
    // No unfiltered SELECT on the filtered table.
    const unfiltered = Object.values(permissionsOf(stack)).filter((r) => r.Properties.Resource.TableWithColumns?.Name === 'orders');
    expect(unfiltered).toEqual([]);
  });

  test('every grant resource depends on the product', () => {
    const { stack, product, grant } = setUp();
    grant('Marketing');
    const productId = stack.resolve(product.catalogResource.logicalId);
    const all = Template.fromStack(stack).toJSON().Resources;
    for (const id of Object.keys(permissionsOf(stack))) {
      expect({ id, deploysAfter: deploysAfter(all, id) }).toEqual({ id, deploysAfter: expect.arrayContaining([productId]) });
    }
  });

  test('two roles for one consumer merge into one resource per (principal, resource)', () => {
    const { stack, grant } = setUp();
    grant('MarketingAnalyst');
    grant('MarketingAuditor', { role: 'auditor', purpose: 'fraud review', expires: '2027-01-31' });
    const resources = Object.values(permissionsOf(stack));
    expect(resources).toHaveLength(5);
    const selectOnOrders = resources.find((r) => r.Properties.Resource.TableWithColumns?.Name === 'orders');
    expect(selectOnOrders?.Properties.Resource.TableWithColumns.ColumnNames).toEqual([
      'amount',
      'country',
      'customer_email',
      'dt',
      'items',
      'order_id',
    ]);
    expect(selectOnOrders?.Metadata[GRANT_METADATA_KEY]).toMatchObject({
      roles: ['analyst', 'auditor'],
      purposes: ['campaign attribution', 'fraud review'],
      expires: '2027-01-31',
      withheldColumns: [],
      includeColumns: ['customer_email'],
    });
  });

  test('logical ids and the whole template are stable under reordering of grants and principals', () => {
    const build = (reverse: boolean) => {
      const { stack, grant } = setUp(filteredContract());
      const principals = reverse ? [engineer, analyst] : [analyst, engineer];
      const grants: [string, GrantOptions][] = [
        ['Analyst', { consumer: { name: 'marketing', principals } }],
        ['Auditor', { role: 'auditor', consumer: { name: 'marketing', principals } }],
        ['Finance', { consumer: { name: 'finance', principals: ['arn:aws:iam::555555555555:role/finance'] } }],
      ];
      for (const [id, options] of reverse ? [...grants].reverse() : grants) grant(id, options);
      return Template.fromStack(stack).toJSON();
    };
    expect(build(true)).toEqual(build(false));
  });

  test('nothing unwanted is granted', () => {
    const contract = filteredContract();
    const { stack, grant } = setUp(contract);
    grant('Analyst', { consumer: { name: 'marketing', principals: [analyst, engineer] } });
    grant('Auditor', { role: 'auditor', consumer: { name: 'audit', principals: ['arn:aws:iam::555555555555:role/audit'] } });
    const restricted = new Set(['customer_email']);
    const filters = Template.fromStack(stack).findResources(FILTER_TYPE);
    const filterColumns = new Map(Object.values(filters).map((f) => [f.Properties.Name, f.Properties.ColumnNames as string[]]));
    const resources = Object.values(permissionsOf(stack));
    expect(resources.length).toBeGreaterThan(0);
    for (const resource of resources) {
      const { Principal, Permissions, PermissionsWithGrantOption, Resource } = resource.Properties;
      const audit = resource.Metadata[GRANT_METADATA_KEY];
      expect(Principal.DataLakePrincipalIdentifier).toMatch(/^arn:aws:iam::\d{12}:role\/[a-z-]+$/);
      expect(PermissionsWithGrantOption).toEqual([]);
      for (const permission of Permissions) expect(['SELECT', 'DESCRIBE']).toContain(permission);
      const granted = Resource.TableWithColumns
        ? (Resource.TableWithColumns.ColumnNames as string[])
        : Resource.DataCellsFilter
          ? (filterColumns.get(Resource.DataCellsFilter.Name) ?? [])
          : [];
      expect(granted).toEqual(audit.columns);
      for (const column of granted) {
        if (restricted.has(column)) expect(audit.includeColumns).toContain(column);
      }
      if (Resource.Table) expect(Permissions).toEqual(['DESCRIBE']);
      if (Resource.Database) expect(Permissions).toEqual(['DESCRIBE']);
    }
    expect(resources.some((r) => r.Metadata[GRANT_METADATA_KEY].columns.includes('customer_email'))).toBe(true);
  });

  test('grants are serialized per principal and table, at most maxConcurrency at once', () => {
    const { stack, grant } = setUp();
    LakeFormationPermissions.of(stack, { maxConcurrency: 2 });
    grant('Marketing', { consumer: { name: 'marketing', principals: [analyst, engineer] } });
    const resources = permissionsOf(stack);
    const ids = Object.keys(resources).sort();
    const graph: Graph = {
      order: ids,
      dependencies: new Map(ids.map((id) => [id, (resources[id].DependsOn ?? []).filter((dep) => ids.includes(dep))])),
    };
    // Two lanes: each resource waits for the one two places before it in logical-id order.
    ids.slice(2).forEach((id, index) => expect(ancestors(graph, id)).toContain(ids[index]));
    const keyOf = (id: string) => {
      const { Principal, Resource } = resources[id].Properties;
      const target = Object.values(Resource)[0];
      return [Principal.DataLakePrincipalIdentifier, String(target.Name ?? target.TableName)];
    };
    for (const a of ids) {
      for (const b of ids) {
        const [pa, ta] = keyOf(a);
        const [pb, tb] = keyOf(b);
        if (a !== b && (pa === pb || ta === tb)) expect(ordered(graph, a, b)).toBe(true);
      }
    }
  });

  test('defaults: restricted classification "restricted" and today for expiry', () => {
    const { grant } = setUp();
    expect(grant('Open', { today: undefined, expires: '2999-12-31' }).tables[0].withheldColumns).toEqual(['customer_email']);
    expect(errorOf(() => grant('Old', { today: undefined, expires: '2001-01-01' })).problems[0].code).toBe('LM393');
  });

  test('honours a custom restricted classification', () => {
    const { grant } = setUp();
    expect(grant('Open', { restrictedClassification: 'confidential' }).tables[0].withheldColumns).toEqual([]);
  });

  test('keeps a grant on a deprecated contract with allowDeprecated (a grant that existed before the deprecation)', () => {
    const { stack, grant } = setUp(ordersContract({ status: 'deprecated' }));
    expect(errorOf(() => grant('New')).problems.map((p) => p.code)).toEqual(['LM392']);
    grant('Existing', { allowDeprecated: true });
    Template.fromStack(stack).hasResourceProperties('AWS::LakeFormation::PrincipalPermissions', {
      Principal: { DataLakePrincipalIdentifier: analyst },
      Permissions: ['DESCRIBE'],
    });
  });

  describe('fails', () => {
    test.each([
      ['retired', 'LM390'],
      ['draft', 'LM391'],
      ['proposed', 'LM391'],
      ['deprecated', 'LM392'],
    ])('on a %s contract', (status, code) => {
      const { grant } = setUp(ordersContract({ status }));
      expect(errorOf(() => grant('Marketing')).problems.map((p) => p.code)).toEqual([code]);
    });

    test('on an expired grant, with the exact message', () => {
      const { grant } = setUp();
      expect(errorOf(() => grant('Marketing', { expires: '2026-11-19' })).message).toBe(
        'expires: the grant expired on 2026-11-19 (today is 2026-11-20): renew it with a later expires date, or remove it [LM393]',
      );
    });

    test('on an unknown role', () => {
      const { grant } = setUp();
      expect(errorOf(() => grant('Marketing', { role: 'analysts' })).message).toBe(
        'role: role "analysts" is not a role of contract "orders-contract" (roles: analyst, auditor); did you mean "analyst"? [LM380]',
      );
    });

    test('on a row filter using an array column', () => {
      const { grant } = setUp(ordersContract({ roles: [role('analyst', { rowFilter: 'cardinality(items) > 1' })] }));
      expect(errorOf(() => grant('Marketing')).problems.map((p) => p.code)).toEqual(['LM387']);
    });

    test('on a refused principal, before anything is added', () => {
      const { stack, grant } = setUp();
      expect(errorOf(() => grant('Marketing', { consumer: { name: 'marketing', principals: ['IAM_ALLOWED_PRINCIPALS'] } })).problems[0].code).toBe('LM396');
      expect(Object.keys(permissionsOf(stack))).toHaveLength(0);
    });

    test('when two consumers share a principal', () => {
      const { grant } = setUp();
      grant('Marketing');
      expect(errorOf(() => grant('Finance', { consumer: { name: 'finance', principals: [analyst] } })).problems[0].code).toBe('LM397');
    });
  });
});
