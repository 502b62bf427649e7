/**
 * The consumer stacks of the retail example (central-catalog): one resource link per granted
 * product pointing at the governance account's database, DESCRIBE on each link for each consumer
 * principal, and the acceptance of the governance account's RAM invitations (none with
 * `organization: true`).
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ConsumerStack } from '../../lib/stacks/consumer-stack';
import { consumedProducts } from '../../lib/stacks/consumed-products';
import { grantMetadataRecord } from '../../lib/grants/grant-metadata';
import { deploysAfter } from '../support/deploy-order';
import { loadExampleMesh, SynthesizedMesh, synthesizeMesh } from '../support/mesh-app-fixture';
import { CONSUMER_ACCOUNTS, CONTRACTS, EXPECTED_GRANTS, GOVERNANCE_ACCOUNT, permissionProperties, PRINCIPALS, REGION } from '../app/mesh-app-expected';

const LINKS: Readonly<Record<string, readonly string[]>> = {
  finance: ['customers_profiles', 'logistics_shipments', 'sales_daily_revenue', 'sales_orders'],
  marketing: ['customers_profiles', 'customers_segments', 'sales_orders'],
};
const ACCEPTANCE_TYPE = 'Custom::LakemeshRamInvitationAcceptance';

let synthesized: SynthesizedMesh;
beforeAll(() => {
  synthesized = synthesizeMesh();
});

const stackOf = (consumer: string) => `retail-consumer-${consumer}`;
const links = (consumer: string) => synthesized.resources(stackOf(consumer), 'AWS::Glue::Database');
const linkId = (consumer: string, name: string) =>
  links(consumer).find(([, resource]) => (resource.Properties!.DatabaseInput as { Name: string }).Name === name)![0];

interface LinkGrantRow {
  readonly Principal: { readonly DataLakePrincipalIdentifier: string };
  readonly Resource: { readonly Database?: { readonly Name: string } };
}

function sortedByPair<T extends LinkGrantRow>(rows: readonly T[]): T[] {
  const key = (row: T) => `${row.Principal.DataLakePrincipalIdentifier} ${row.Resource.Database?.Name}`;
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe.each(Object.keys(LINKS))('consumer stack of %s', (consumer) => {
  const account = CONSUMER_ACCOUNTS[consumer];

  test('links every granted product, and only those, by its central database name, in the governance catalog', () => {
    expect(links(consumer).map(([, resource]) => resource.Properties)).toEqual(
      LINKS[consumer].map((name) => ({
        CatalogId: account,
        DatabaseInput: { Name: name, TargetDatabase: { CatalogId: GOVERNANCE_ACCOUNT, DatabaseName: name, Region: REGION } },
      })),
    );
  });

  test('grants DESCRIBE on each link, in its own catalog, to each consumer principal, and nothing else', () => {
    const rows = synthesized.resources(stackOf(consumer), 'AWS::LakeFormation::PrincipalPermissions').map(([, resource]) => permissionProperties(resource));
    const expected = LINKS[consumer].flatMap((name) =>
      PRINCIPALS[consumer].map((principal) => ({
        Catalog: account,
        Principal: { DataLakePrincipalIdentifier: principal },
        Resource: { Database: { CatalogId: account, Name: name } },
        Permissions: ['DESCRIBE'],
        PermissionsWithGrantOption: [],
      })),
    );
    expect(sortedByPair(rows)).toEqual(sortedByPair(expected));
  });

  test.each(LINKS[consumer])('the DESCRIBE grants on %s deploy after the link and carry the audit record of the grants behind it', (name) => {
    const grants = EXPECTED_GRANTS.filter((grant) => grant.consumer === consumer && grant.database === name);
    const onLink = synthesized
      .resources(stackOf(consumer), 'AWS::LakeFormation::PrincipalPermissions')
      .filter(([, resource]) => permissionProperties(resource).Resource.Database?.Name === name);
    expect(onLink).toHaveLength(PRINCIPALS[consumer].length);
    for (const [id, resource] of onLink) {
      expect(deploysAfter(synthesized.json(stackOf(consumer)).Resources, id)).toContain(linkId(consumer, name));
      expect(grantMetadataRecord(resource.Metadata?.['lakemesh:grant'])).toEqual({
        product: grants[0].product,
        table: null,
        consumer,
        contractId: CONTRACTS[grants[0].product].id,
        contractVersion: CONTRACTS[grants[0].product].version,
        roles: grants.map((grant) => grant.role),
        purposes: grants.map((grant) => grant.purpose),
        requestedBy: grants.map((grant) => grant.requestedBy),
        approvedBy: grants.map((grant) => grant.approvedBy),
        expires: grants[0].expires,
        columns: [],
        withheldColumns: [],
        restrictedColumns: [],
        includeColumns: [],
        rowFilter: null,
      });
    }
  });

  test('accepts the RAM invitations of the governance account before any link is created', () => {
    const acceptances = synthesized.resources(stackOf(consumer), ACCEPTANCE_TYPE);
    expect(acceptances).toHaveLength(1);
    const [acceptanceId, acceptance] = acceptances[0];
    expect(acceptance.Properties).toMatchObject({ SenderAccountIds: [GOVERNANCE_ACCOUNT], GrantedResources: LINKS[consumer] });
    for (const [id] of links(consumer)) expect(deploysAfter(synthesized.json(stackOf(consumer)).Resources, id)).toContain(acceptanceId);
  });

  test('deploys to the consumer account and region', () => {
    expect(synthesized.artifact(stackOf(consumer)).environment).toMatchObject({ account: account, region: REGION });
  });
});

describe('consumer stack with organization: true', () => {
  test('accepts no RAM invitations (RAM shares inside the organization without them), and links as before', () => {
    const mesh = loadExampleMesh();
    const organizationMesh = { ...mesh, governance: { ...mesh.governance, organization: true } };
    const consumer = mesh.consumers.find((candidate) => candidate.name === 'marketing')!;
    const stack = new ConsumerStack(new App(), 'Consumer', { mesh: organizationMesh, consumer });
    const template = Template.fromStack(stack);
    template.resourceCountIs(ACCEPTANCE_TYPE, 0);
    expect(JSON.stringify(template.toJSON())).not.toContain('ram:');
    template.resourceCountIs('AWS::Glue::Database', LINKS.marketing.length);
    expect(stack.consumer.invitationAcceptance).toBeUndefined();
  });
});

describe('consumedProducts', () => {
  test('lists the products a consumer is granted, sorted, with the central catalog and every grant behind each', () => {
    const mesh = loadExampleMesh();
    const finance = mesh.consumers.find((candidate) => candidate.name === 'finance')!;
    const products = consumedProducts(mesh, finance);
    expect(products.map((product) => [product.product, product.databaseName, product.catalogId, product.domain])).toEqual([
      ['customers.profiles', 'customers_profiles', GOVERNANCE_ACCOUNT, 'customers'],
      ['logistics.shipments', 'logistics_shipments', GOVERNANCE_ACCOUNT, 'logistics'],
      ['sales.daily_revenue', 'sales_daily_revenue', GOVERNANCE_ACCOUNT, 'sales'],
      ['sales.orders', 'sales_orders', GOVERNANCE_ACCOUNT, 'sales'],
    ]);
    expect(products.find((product) => product.product === 'sales.orders')).toMatchObject({
      region: REGION,
      contractId: CONTRACTS['sales.orders'].id,
      contractVersion: CONTRACTS['sales.orders'].version,
      grants: [
        {
          role: 'finance_reporting',
          purpose: 'monthly revenue reporting and order-to-cash reconciliation',
          requestedBy: 'tom.becker@example.com',
          approvedBy: 'lena.schmidt@example.com',
          expires: '2028-12-31',
        },
      ],
    });
  });

  test('points at the producer accounts with producer-direct sharing', () => {
    const mesh = loadExampleMesh();
    const producerDirect = { ...mesh, governance: { ...mesh.governance, sharing: 'producer-direct' as const } };
    const marketing = mesh.consumers.find((candidate) => candidate.name === 'marketing')!;
    expect(consumedProducts(producerDirect, marketing).map((product) => [product.product, product.catalogId])).toEqual([
      ['customers.profiles', '333333333333'],
      ['customers.segments', '333333333333'],
      ['sales.orders', '222222222222'],
    ]);
  });

  test('is empty for a consumer without grants', () => {
    const mesh = loadExampleMesh();
    const idle = { name: 'idle', account: '777777777777', principals: ['arn:aws:iam::777777777777:role/idle'], location: mesh.consumers[0].location };
    expect(consumedProducts(mesh, idle)).toEqual([]);
  });
});
