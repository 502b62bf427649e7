import { LakemeshError } from '../../lib/errors';
import { ContractGrantRequest, planContractGrant } from '../../lib/plan/grant-plan';
import { ordersContract, role } from '../support/contract-factory';

const analyst = 'arn:aws:iam::444444444444:role/marketing-analyst';
const engineer = 'arn:aws:iam::444444444444:role/marketing-engineer';

function request(overrides: Partial<ContractGrantRequest> = {}): ContractGrantRequest {
  return {
    product: {
      contract: ordersContract(),
      domainName: 'sales',
      productName: 'orders',
      databaseName: 'sales_orders',
      catalogId: '111111111111',
    },
    consumer: { name: 'marketing', principals: [engineer, analyst] },
    role: 'analyst',
    purpose: 'campaign attribution',
    requestedBy: 'ana@example.com',
    approvedBy: 'sales-dpo@example.com',
    expires: '2027-06-30',
    restrictedClassification: 'restricted',
    today: '2026-11-20',
    ...overrides,
  };
}

function codesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof LakemeshError) return error.problems.map((p) => p.code);
    throw error;
  }
  return [];
}

describe('planContractGrant', () => {
  test('grants DESCRIBE on the database, SELECT on granted columns and DESCRIBE on each table, per principal', () => {
    const plan = planContractGrant(request());
    const summary = plan.permissions.map((p) => [p.principal, p.resource.kind, 'name' in p.resource ? p.resource.name : '', p.permissions]);
    expect(summary).toEqual([
      [analyst, 'database', 'sales_orders', ['DESCRIBE']],
      [analyst, 'tableWithColumns', 'orders', ['SELECT']],
      [analyst, 'table', 'orders', ['DESCRIBE']],
      [analyst, 'tableWithColumns', 'refunds', ['SELECT']],
      [analyst, 'table', 'refunds', ['DESCRIBE']],
      [engineer, 'database', 'sales_orders', ['DESCRIBE']],
      [engineer, 'tableWithColumns', 'orders', ['SELECT']],
      [engineer, 'table', 'orders', ['DESCRIBE']],
      [engineer, 'tableWithColumns', 'refunds', ['SELECT']],
      [engineer, 'table', 'refunds', ['DESCRIBE']],
    ]);
    expect(plan.filters).toEqual([]);
    expect(plan.permissions[1].resource).toEqual({
      kind: 'tableWithColumns',
      catalogId: '111111111111',
      databaseName: 'sales_orders',
      name: 'orders',
      columnNames: ['order_id', 'amount', 'items', 'country', 'dt'],
    });
  });

  test('writes the audit record of each permission', () => {
    const [database, select, describe] = planContractGrant(request()).permissions;
    const common = {
      product: 'sales.orders',
      consumer: 'marketing',
      contractId: 'orders-contract',
      contractVersion: '1.2.0',
      roles: ['analyst'],
      purposes: ['campaign attribution'],
      requestedBy: ['ana@example.com'],
      approvedBy: ['sales-dpo@example.com'],
      expires: '2027-06-30',
      rowFilter: null,
    };
    expect(database.metadata).toEqual({
      ...common,
      table: null,
      columns: [],
      withheldColumns: [],
      restrictedColumns: [],
      includeColumns: [],
    });
    expect(select.metadata).toEqual({
      ...common,
      table: 'orders',
      columns: ['order_id', 'amount', 'items', 'country', 'dt'],
      withheldColumns: ['customer_email'],
      restrictedColumns: ['customer_email'],
      includeColumns: [],
    });
    expect(describe.metadata).toEqual({
      ...common,
      table: 'orders',
      columns: [],
      withheldColumns: [],
      restrictedColumns: ['customer_email'],
      includeColumns: [],
    });
  });

  test('without expiry the audit record says null', () => {
    const [database] = planContractGrant(request({ expires: undefined })).permissions;
    expect(database.metadata.expires).toBeNull();
  });

  test('a row filter becomes a data cells filter that the SELECT is granted on', () => {
    const contract = ordersContract({ roles: [role('analyst', { rowFilter: { orders: "country = 'DE'" } })] });
    const plan = planContractGrant(request({ product: { ...request().product, contract }, consumer: { name: 'marketing', principals: [analyst] } }));
    expect(plan.filters).toEqual([
      {
        tableCatalogId: '111111111111',
        databaseName: 'sales_orders',
        tableName: 'orders',
        name: expect.stringMatching(/^marketing_analyst_[0-9a-f]{8}$/),
        rowFilter: "country = 'DE'",
        columnNames: ['order_id', 'amount', 'items', 'country', 'dt'],
      },
    ]);
    const onOrders = plan.permissions.filter((p) => p.metadata.table === 'orders');
    expect(onOrders.map((p) => [p.resource.kind, p.permissions])).toEqual([
      ['dataCellsFilter', ['SELECT']],
      ['table', ['DESCRIBE']],
    ]);
    expect(onOrders[0].resource).toEqual({
      kind: 'dataCellsFilter',
      tableCatalogId: '111111111111',
      databaseName: 'sales_orders',
      tableName: 'orders',
      name: plan.filters[0].name,
    });
    expect(onOrders[0].filter).toBe(plan.filters[0]);
    expect(onOrders[0].metadata.rowFilter).toBe("country = 'DE'");
    const onRefunds = plan.permissions.filter((p) => p.metadata.table === 'refunds');
    expect(onRefunds.map((p) => p.resource.kind)).toEqual(['tableWithColumns', 'table']);
  });

  test('de-duplicates principals', () => {
    const plan = planContractGrant(request({ consumer: { name: 'marketing', principals: [analyst, analyst] } }));
    expect(new Set(plan.permissions.map((p) => p.principal))).toEqual(new Set([analyst]));
    expect(plan.permissions).toHaveLength(5);
  });

  test('never grants anything but SELECT and DESCRIBE', () => {
    const permissions = planContractGrant(request()).permissions.flatMap((p) => p.permissions);
    expect(new Set(permissions)).toEqual(new Set(['SELECT', 'DESCRIBE']));
  });

  describe('fails', () => {
    test('on empty audit fields, each named', () => {
      let error: LakemeshError | undefined;
      try {
        planContractGrant(request({ consumer: { name: ' ', principals: [] }, purpose: '', requestedBy: '', approvedBy: '' }));
      } catch (caught) {
        error = caught as LakemeshError;
      }
      expect(error?.problems.map((p) => [p.code, p.path, p.message])).toEqual([
        ['LM395', 'consumer.name', 'consumer.name is empty; the audit trail needs the consumer name, e.g. marketing'],
        ['LM395', 'purpose', 'purpose is empty; the audit trail needs why the consumer needs the data, e.g. campaign attribution'],
        ['LM395', 'requestedBy', 'requestedBy is empty; the audit trail needs who asked for the grant, e.g. ana@example.com'],
        ['LM395', 'approvedBy', "approvedBy is empty; the audit trail needs who approved it for the product's owner, e.g. sales-dpo@example.com"],
        ['LM395', 'consumer.principals', 'consumer " " has no principals; list the IAM role ARNs that should receive the grant'],
      ]);
    });

    test('on refused principals, unless they are unresolved tokens', () => {
      expect(codesOf(() => planContractGrant(request({ consumer: { name: 'm', principals: ['IAM_ALLOWED_PRINCIPALS'] } })))).toEqual(['LM396']);
      const token = '${Token[TOKEN.1]}';
      expect(codesOf(() => planContractGrant(request({ consumer: { name: 'm', principals: [token] }, isUnresolved: (v) => v === token })))).toEqual([]);
    });

    test('with gate, role and principal problems together', () => {
      const contract = ordersContract({ status: 'deprecated' });
      const codes = codesOf(() =>
        planContractGrant(
          request({ product: { ...request().product, contract }, role: 'nobody', expires: '2020-01-01', consumer: { name: 'm', principals: ['*'] } }),
        ),
      );
      expect(codes.sort()).toEqual(['LM380', 'LM392', 'LM393', 'LM396']);
    });
  });
});
