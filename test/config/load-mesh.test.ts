/** What a valid mesh loads into: resolved references, defaults, derived names, stable order. */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import {
  DEFAULT_CLASSIFICATIONS,
  DEFAULT_CROSS_ACCOUNT_VERSION,
  DEFAULT_ORGANIZATION,
  DEFAULT_SHARING,
} from '../../lib/config/check-governance';
import { MeshConfig } from '../../lib/config/model';
import { MeshFixture, TODAY } from './mesh-fixture';

type Edit = (text: string) => string;
const replace = (from: string, to: string): Edit => (text) => text.replace(from, to);

describe('loadMesh on a valid mesh', () => {
  const fixture = new MeshFixture();
  const mesh = fixture.load();

  test('returns the mesh identity with mesh.yaml as an absolute path', () => {
    expect(mesh).toMatchObject({ file: path.resolve(fixture.path()), name: 'shop', region: 'eu-west-1' });
  });

  test('applies the governance defaults', () => {
    expect(mesh.governance).toEqual({
      account: '111111111111',
      sharing: DEFAULT_SHARING,
      organization: DEFAULT_ORGANIZATION,
      crossAccountVersion: DEFAULT_CROSS_ACCOUNT_VERSION,
      admins: [],
      tags: { classification: ['public', 'internal', 'restricted'] },
      restrictedClassification: 'restricted',
    });
    expect([DEFAULT_SHARING, DEFAULT_ORGANIZATION, DEFAULT_CROSS_ACCOUNT_VERSION]).toEqual(['central-catalog', false, 4]);
  });

  test('resolves each product to its contract, database name and contract file', () => {
    const [sales] = mesh.domains;
    expect(sales.products).toHaveLength(1);
    expect(sales.products[0]).toMatchObject({
      name: 'orders',
      domain: 'sales',
      qualifiedName: 'sales.orders',
      databaseName: 'sales_orders',
      contractFile: fixture.path('contracts/orders.odcs.yaml'),
      location: fixture.at('mesh.yaml', 'contracts/orders.odcs.yaml'),
    });
    expect(sales.products[0].contract.id).toBe('orders-contract');
  });

  test('keeps domain, consumer and grant fields with their mesh.yaml locations', () => {
    expect(mesh.domains[0]).toMatchObject({
      name: 'sales',
      account: '222222222222',
      owner: 'sales@example.com',
      producers: ['arn:aws:iam::222222222222:role/sales-etl'],
      location: fixture.at('mesh.yaml', 'name: sales'),
    });
    expect(mesh.consumers).toEqual([
      { name: 'marketing', account: '444444444444', principals: ['arn:aws:iam::444444444444:role/analyst'], location: fixture.at('mesh.yaml', 'name: marketing') },
    ]);
    expect(mesh.grants).toEqual([
      {
        product: 'sales.orders',
        consumer: 'marketing',
        role: 'analyst',
        purpose: 'campaign attribution',
        requestedBy: 'ana@example.com',
        approvedBy: 'dpo@example.com',
        expires: '2027-06-30',
        location: fixture.at('mesh.yaml', 'product: sales.orders'),
      },
    ]);
  });

  test('derives database names with underscores from hyphenated domain names', () => {
    const hyphenated = MeshFixture.edited({
      'mesh.yaml': replace('- name: stock', '- name: stock-eu'),
      'contracts/levels.odcs.yaml': replace('domain: stock', 'domain: stock-eu'),
    });
    expect(hyphenated.load().domains[1].products[0].databaseName).toBe('stock_eu_levels');
  });

  test('matches the contract domain without regard to case', () => {
    const upper = MeshFixture.edited({ 'contracts/levels.odcs.yaml': replace('domain: stock', 'domain: Stock') });
    expect(upper.load().domains[1].name).toBe('stock');
  });

  test('uses the default classification ontology when the mesh declares no classification key', () => {
    const noTags = MeshFixture.edited({ 'mesh.yaml': replace('    classification: [public, internal, restricted]\n', '    tier: [gold, silver]\n') });
    const { governance } = noTags.load();
    expect(governance.tags).toEqual({ tier: ['gold', 'silver'], classification: DEFAULT_CLASSIFICATIONS });
    expect(governance.restrictedClassification).toBe('restricted');
    expect(DEFAULT_CLASSIFICATIONS).toEqual(['public', 'internal', 'confidential', 'restricted']);
  });

  test('takes the most sensitive classification from the end of the ontology', () => {
    const custom = MeshFixture.edited({
      'mesh.yaml': replace('[public, internal, restricted]', '[public, internal, restricted, secret]'),
    });
    expect(custom.load().governance.restrictedClassification).toBe('secret');
  });

  test('accepts optional consumers and grants being absent', () => {
    const bare = MeshFixture.edited({ 'mesh.yaml': (text) => text.slice(0, text.indexOf('consumers:')) });
    expect(bare.load()).toMatchObject({ consumers: [], grants: [] });
  });

  test('sorts and de-duplicates principal lists', () => {
    const listed = MeshFixture.edited({
      'mesh.yaml': replace(
        'principals: ["arn:aws:iam::444444444444:role/analyst"]',
        'principals: ["arn:aws:iam::444444444444:role/zeta", "arn:aws:iam::444444444444:role/analyst", "arn:aws:iam::444444444444:role/zeta"]',
      ),
    });
    expect(listed.load().consumers[0].principals).toEqual(['arn:aws:iam::444444444444:role/analyst', 'arn:aws:iam::444444444444:role/zeta']);
  });
});

describe('loadMesh ordering', () => {
  /** Drops what necessarily differs between two files: their locations and the mesh file name. */
  function comparable(mesh: MeshConfig): unknown {
    return JSON.parse(JSON.stringify({ ...mesh, file: undefined }, (key, value) => (key === 'location' ? undefined : value)));
  }

  /** Reverses every list of the mesh (domains, products, producers, consumers, principals, grants). */
  function shuffled(text: string): string {
    type Entry = Record<string, unknown>;
    const mesh = parse(text) as { domains: Entry[]; consumers: Entry[]; grants: Entry[] };
    const reverse = <T>(list: unknown): T[] => [...(list as T[])].reverse();
    mesh.domains = reverse<Entry>(mesh.domains).map((domain) => ({ ...domain, products: reverse(domain.products), producers: reverse(domain.producers) }));
    mesh.consumers = reverse<Entry>(mesh.consumers).map((consumer) => ({ ...consumer, principals: reverse(consumer.principals) }));
    mesh.grants = reverse(mesh.grants);
    return stringify(mesh);
  }

  test('gives the same MeshConfig for the retail example in any input order', () => {
    const example = path.join(__dirname, '..', '..', 'examples', 'retail');
    const fixture = new MeshFixture({});
    for (const file of readdirSync(path.join(example, 'contracts'))) {
      fixture.write(`contracts/${file}`, readFileSync(path.join(example, 'contracts', file)));
    }
    const original = readFileSync(path.join(example, 'mesh.yaml'), 'utf8');
    fixture.write('mesh.yaml', original);
    fixture.write('shuffled.yaml', shuffled(original));
    expect(fixture.read('shuffled.yaml')).not.toBe(original);

    const inOrder = fixture.load({ today: TODAY });
    const reordered = fixture.loadFile('shuffled.yaml', { today: TODAY });
    expect(comparable(reordered)).toEqual(comparable(inOrder));
    expect(inOrder.domains.map((domain) => domain.name)).toEqual(['customers', 'logistics', 'sales']);
    expect(inOrder.grants.map((grant) => `${grant.product} ${grant.consumer} ${grant.role}`)).toEqual([
      'customers.profiles finance billing',
      'customers.profiles marketing segmentation',
      'customers.segments marketing reader',
      'logistics.shipments finance cost_analyst',
      'sales.daily_revenue finance reader',
      'sales.orders finance finance_reporting',
      'sales.orders marketing marketing_analyst',
    ]);
  });
});
