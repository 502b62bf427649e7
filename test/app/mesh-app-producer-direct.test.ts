/**
 * The retail example with `sharing: producer-direct`: every producer grants the consumers from its
 * own catalog (the same columns and row filters as with the central catalog), the governance stack
 * keeps the LF-Tag ontology only, and consumer links point at the producer accounts.
 */
import { replaceOnce, SynthesizedMesh, synthesizeMesh, writeExampleVariant } from '../support/mesh-app-fixture';
import {
  CONSUMER_ACCOUNTS,
  DOMAIN_ACCOUNTS,
  EXPECTED_GRANTS,
  expectedRows,
  GOVERNANCE_ACCOUNT,
  hasGrantMetadata,
  permissionProperties,
  permissionRows,
  REGION,
} from './mesh-app-expected';

let synthesized: SynthesizedMesh;
beforeAll(() => {
  const file = writeExampleVariant((text) => replaceOnce(text, 'sharing: central-catalog', 'sharing: producer-direct'));
  synthesized = synthesizeMesh(file);
});

const domainStack = (domain: string) => `retail-domain-${domain}`;
const consumerStack = (consumer: string) => `retail-consumer-${consumer}`;

describe('producer-direct sharing of the retail example', () => {
  test('loads as producer-direct', () => {
    expect(synthesized.mesh.governance.sharing).toBe('producer-direct');
  });

  test.each(Object.keys(DOMAIN_ACCOUNTS).sort())(
    'the %s domain stack grants its products to the consumers from its own catalog: exactly the expected permissions',
    (domain) => {
      const account = DOMAIN_ACCOUNTS[domain];
      const expected = EXPECTED_GRANTS.filter((grant) => grant.domain === domain)
        .flatMap((grant) => expectedRows(grant, account))
        .sort();
      expect(permissionRows(synthesized.json(domainStack(domain)), hasGrantMetadata)).toEqual(expected);
    },
  );

  test('every other permission of a domain stack is a grant to its own producers', () => {
    for (const [domain, account] of Object.entries(DOMAIN_ACCOUNTS)) {
      const others = synthesized
        .resources(domainStack(domain), 'AWS::LakeFormation::PrincipalPermissions')
        .filter(([, resource]) => !hasGrantMetadata(resource))
        .map(([, resource]) => permissionProperties(resource).Principal.DataLakePrincipalIdentifier);
      expect(others.length).toBeGreaterThan(0);
      for (const principal of others) expect({ domain, principal }).toEqual({ domain, principal: expect.stringMatching(new RegExp(`^arn:aws:iam::${account}:role/`)) });
    }
  });

  test('the row filter lives in the producer catalog of sales', () => {
    const filters = synthesized.resources(domainStack('sales'), 'AWS::LakeFormation::DataCellsFilter');
    expect(filters.map(([, resource]) => resource.Properties)).toEqual([
      expect.objectContaining({
        TableCatalogId: DOMAIN_ACCOUNTS.sales,
        DatabaseName: 'sales_orders',
        TableName: 'orders',
        RowFilter: { FilterExpression: "country_code IN ('DE', 'AT', 'CH')" },
      }),
    ]);
  });

  test('the governance stack keeps the tag ontology and its Lake Formation settings, and nothing of the products', () => {
    const types = Object.values(synthesized.json('retail-governance').Resources).map((resource) => resource.Type);
    const catalogTypes = types.filter((type) => /^AWS::(Glue|LakeFormation|IAM::Policy|IAM::ManagedPolicy)/.test(type));
    expect(catalogTypes.sort()).toEqual(['AWS::LakeFormation::Tag', 'AWS::LakeFormation::Tag', 'AWS::LakeFormation::Tag']);
    expect(types).toContain('Custom::LakemeshDataLakeSettings');
    const roleNames = synthesized.resources('retail-governance', 'AWS::IAM::Role').map(([, resource]) => resource.Properties!.RoleName);
    expect(roleNames.filter((name) => typeof name === 'string' && name.endsWith('-registration'))).toEqual([]);
    expect(synthesized.meshApp.governanceStack.governance.products).toEqual([]);
  });

  test('domain buckets and keys admit no governance registration role', () => {
    for (const domain of Object.keys(DOMAIN_ACCOUNTS)) {
      const text = JSON.stringify(synthesized.json(domainStack(domain)));
      expect({ domain, mentionsGovernance: text.includes(GOVERNANCE_ACCOUNT) }).toEqual({ domain, mentionsGovernance: false });
    }
  });

  test.each([
    ['marketing', { customers_profiles: DOMAIN_ACCOUNTS.customers, customers_segments: DOMAIN_ACCOUNTS.customers, sales_orders: DOMAIN_ACCOUNTS.sales }],
    [
      'finance',
      {
        customers_profiles: DOMAIN_ACCOUNTS.customers,
        logistics_shipments: DOMAIN_ACCOUNTS.logistics,
        sales_daily_revenue: DOMAIN_ACCOUNTS.sales,
        sales_orders: DOMAIN_ACCOUNTS.sales,
      },
    ],
  ])('%s links each product in the catalog of the producer account that grants it', (consumer, targets) => {
    const links = synthesized.resources(consumerStack(consumer), 'AWS::Glue::Database').map(([, resource]) => resource.Properties);
    expect(links).toEqual(
      Object.entries(targets).map(([name, catalog]) => ({
        CatalogId: CONSUMER_ACCOUNTS[consumer],
        DatabaseInput: { Name: name, TargetDatabase: { CatalogId: catalog, DatabaseName: name, Region: REGION } },
      })),
    );
  });

  test.each([
    ['marketing', [DOMAIN_ACCOUNTS.sales, DOMAIN_ACCOUNTS.customers]],
    ['finance', [DOMAIN_ACCOUNTS.sales, DOMAIN_ACCOUNTS.customers, DOMAIN_ACCOUNTS.logistics]],
  ])('%s accepts the RAM invitations of the producer accounts it is granted by', (consumer, senders) => {
    const [[, acceptance]] = synthesized.resources(consumerStack(consumer), 'Custom::LakemeshRamInvitationAcceptance');
    expect(acceptance.Properties!.SenderAccountIds).toEqual([...senders].sort());
  });

  test.each([
    ['retail-consumer-marketing', ['retail-domain-customers', 'retail-domain-sales', 'retail-governance']],
    ['retail-consumer-finance', ['retail-domain-customers', 'retail-domain-logistics', 'retail-domain-sales', 'retail-governance']],
  ])('%s deploys after the domain stacks that grant it', (stack, dependencies) => {
    expect(synthesized.dependencies(stack)).toEqual(dependencies);
  });

  test('the governance stack still deploys after the domain stacks, and domain stacks after nothing', () => {
    expect(synthesized.dependencies('retail-governance')).toEqual(['retail-domain-customers', 'retail-domain-logistics', 'retail-domain-sales']);
    for (const domain of Object.keys(DOMAIN_ACCOUNTS)) expect(synthesized.dependencies(domainStack(domain))).toEqual([]);
  });
});
