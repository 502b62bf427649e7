/**
 * `MeshApp` on the retail example (central-catalog): one stack per account role, named as DESIGN.md
 * §4 says, each in its account and region, ordered domains → governance → consumers; and the date
 * and lock facts it hands to the grants.
 */
import { App } from 'aws-cdk-lib';
import { MeshApp } from '../../lib/app/mesh-app';
import { MeshConfig } from '../../lib/config/model';
import { LakemeshError } from '../../lib/errors';
import { problemsOf } from '../config/mesh-fixture';
import { loadExampleMesh, SynthesizedMesh, synthesizeMesh } from '../support/mesh-app-fixture';
import { CONSUMER_ACCOUNTS, DOMAIN_ACCOUNTS, GOVERNANCE_ACCOUNT, REGION } from './mesh-app-expected';

const DOMAIN_STACKS = ['retail-domain-customers', 'retail-domain-logistics', 'retail-domain-sales'];
const CONSUMER_STACKS = ['retail-consumer-finance', 'retail-consumer-marketing'];

let synthesized: SynthesizedMesh;
beforeAll(() => {
  synthesized = synthesizeMesh();
});

describe('MeshApp stack layout', () => {
  test('builds one stack per domain, the governance stack and one stack per consumer, and nothing else', () => {
    expect([...synthesized.stackNames].sort()).toEqual([...CONSUMER_STACKS, ...DOMAIN_STACKS, 'retail-governance'].sort());
  });

  test.each([
    ...Object.entries(DOMAIN_ACCOUNTS).map(([domain, account]) => [`retail-domain-${domain}`, account]),
    ['retail-governance', GOVERNANCE_ACCOUNT],
    ...Object.entries(CONSUMER_ACCOUNTS).map(([consumer, account]) => [`retail-consumer-${consumer}`, account]),
  ])('%s deploys to account %s in the mesh region', (stackName, account) => {
    expect(synthesized.artifact(stackName).environment).toMatchObject({ account, region: REGION });
  });

  test('domain stacks depend on no other stack', () => {
    for (const stack of DOMAIN_STACKS) expect({ stack, dependencies: synthesized.dependencies(stack) }).toEqual({ stack, dependencies: [] });
  });

  test('the governance stack deploys after every domain stack (producers register their buckets first)', () => {
    expect(synthesized.dependencies('retail-governance')).toEqual(DOMAIN_STACKS);
  });

  test('consumer stacks deploy after the governance stack, which shares the databases they link', () => {
    for (const stack of CONSUMER_STACKS) {
      expect({ stack, dependencies: synthesized.dependencies(stack) }).toEqual({ stack, dependencies: ['retail-governance'] });
    }
  });

  test('exposes its stacks by domain and consumer name', () => {
    const { meshApp } = synthesized;
    expect([...meshApp.domainStacks.keys()]).toEqual(['customers', 'logistics', 'sales']);
    expect([...meshApp.consumerStacks.keys()]).toEqual(['finance', 'marketing']);
    expect(meshApp.domainStacks.get('sales')!.stackName).toBe('retail-domain-sales');
    expect(meshApp.consumerStacks.get('marketing')!.stackName).toBe('retail-consumer-marketing');
    expect(meshApp.governanceStack.stackName).toBe('retail-governance');
    expect(meshApp.mesh).toBe(synthesized.mesh);
  });

  test('each stack says what it holds in its description', () => {
    expect(synthesized.json('retail-domain-sales').Description).toBe('lakemesh retail: storage and catalog of domain sales');
    expect(synthesized.json('retail-governance').Description).toBe('lakemesh retail: central governance, catalog and consumer grants');
    expect(synthesized.json('retail-consumer-finance').Description).toBe('lakemesh retail: resource links of consumer finance');
  });

  test('domain stacks hold their products: the local databases the central catalog mirrors', () => {
    const names = (stack: string) =>
      synthesized.resources(stack, 'AWS::Glue::Database').map(([, resource]) => (resource.Properties!.DatabaseInput as { Name: string }).Name);
    expect(names('retail-domain-sales')).toEqual(expect.arrayContaining(['sales_daily_revenue', 'sales_orders']));
    expect(names('retail-domain-customers')).toEqual(expect.arrayContaining(['customers_profiles', 'customers_segments']));
    expect(names('retail-domain-logistics')).toEqual(['logistics_shipments']);
  });
});

describe('MeshApp grant dates and contract status', () => {
  /** The example with the sales.orders contract marked deprecated, and its grants marked as recorded in the lock or not. */
  function withDeprecatedOrders(existing: boolean): MeshConfig {
    const mesh = loadExampleMesh();
    return {
      ...mesh,
      domains: mesh.domains.map((domain) => ({
        ...domain,
        products: domain.products.map((product) =>
          product.qualifiedName === 'sales.orders' ? { ...product, contract: { ...product.contract, status: 'deprecated' } } : product,
        ),
      })),
      grants: mesh.grants.map((grant) => (grant.product === 'sales.orders' ? { ...grant, existing } : grant)),
    };
  }

  test('judges grant expiry against `today`: a grant past its expiry fails the build', () => {
    const mesh = loadExampleMesh();
    const expired = mesh.grants.find((grant) => grant.expires === '2027-06-30')!;
    const problems = problemsOf(() => new MeshApp(new App(), 'Mesh', { mesh, today: '2027-07-01' }));
    expect(problems).toEqual([
      {
        code: 'LM393',
        path: `grants[${expired.product} → ${expired.consumer} as ${expired.role}].expires`,
        message: 'the grant expired on 2027-06-30 (today is 2027-07-01): renew it with a later expires date, or remove it',
        location: expired.location,
      },
    ]);
  });

  test('builds on the last day of a grant', () => {
    expect(() => new MeshApp(new App(), 'Mesh', { mesh: loadExampleMesh(), today: '2027-06-30' })).not.toThrow();
  });

  test("`today` defaults to the current UTC date", () => {
    jest.useFakeTimers({ now: new Date('2027-07-01T00:30:00Z'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] });
    try {
      const problems = problemsOf(() => new MeshApp(new App(), 'Mesh', { mesh: loadExampleMesh() }));
      expect(problems.map((problem) => problem.message)).toEqual([
        'the grant expired on 2027-06-30 (today is 2027-07-01): renew it with a later expires date, or remove it',
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  test('a grant on a deprecated product that the contract lock records stays', () => {
    const app = new MeshApp(new App(), 'Mesh', { mesh: withDeprecatedOrders(true), today: '2026-12-01' });
    expect(app.governanceStack.governance.product('sales.orders').contract.status).toBe('deprecated');
  });

  test('a new grant on a deprecated product fails the build', () => {
    let error: unknown;
    const mesh = withDeprecatedOrders(false);
    try {
      new MeshApp(new App(), 'Mesh', { mesh, today: '2026-12-01' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LakemeshError);
    // Every grant on the deprecated product is reported, each at its own entry in mesh.yaml.
    const onOrders = mesh.grants.filter((grant) => grant.product === 'sales.orders').sort((a, b) => a.location.line - b.location.line);
    expect(onOrders.length).toBeGreaterThan(0);
    expect((error as LakemeshError).problems).toEqual(
      onOrders.map((grant) => ({
        code: 'LM392',
        path: `grants[${grant.product} → ${grant.consumer} as ${grant.role}].status`,
        message:
          'contract "7f3c1e2a-5b4d-4c8e-9a61-0d2f8b7c4e10" v2.1.0 is deprecated and accepts no new grants: grant its successor instead, or remove the grant (a grant made before the deprecation stays with allowDeprecated: true)',
        location: grant.location,
      })),
    );
  });
});

describe('MeshApp feature defaults', () => {
  const MINIMIZE_POLICIES = '@aws-cdk/aws-iam:minimizePolicies';

  test('turns on merged policy statements (@aws-cdk/aws-iam:minimizePolicies) unless the app turns them off', () => {
    const meshApp = new MeshApp(new App(), 'Mesh', { mesh: loadExampleMesh(), today: '2026-12-01' });
    expect(meshApp.node.tryGetContext(MINIMIZE_POLICIES)).toBe(true);
    const kept = new MeshApp(new App({ context: { [MINIMIZE_POLICIES]: false } }), 'Mesh', { mesh: loadExampleMesh(), today: '2026-12-01' });
    expect(kept.node.tryGetContext(MINIMIZE_POLICIES)).toBe(false);
  });
});
