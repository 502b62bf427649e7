/** `domains`, consumers and their contracts: one broken input per problem, exact message and location. */
import { MESH_CODES } from '../../lib/config/codes';
import { Problem } from '../../lib/errors';
import { LEVELS_CONTRACT, MeshFixture } from './mesh-fixture';

type Edit = (text: string) => string;
const replace = (from: string, to: string): Edit => (text) => text.replace(from, to);

const MESH = 'mesh.yaml';
const ORDERS = 'contracts/orders.odcs.yaml';
const LEVELS = 'contracts/levels.odcs.yaml';

interface Case {
  readonly title: string;
  readonly edits: Readonly<Record<string, Edit>>;
  readonly code: string;
  readonly path: string;
  readonly message: string | ((fixture: MeshFixture) => string);
  /** File and text at the expected location. */
  readonly at: readonly [file: string, text: string, occurrence?: number];
}

const cases: readonly Case[] = [
  {
    title: 'a domain name that is not a slug',
    edits: { [MESH]: replace('- name: stock', '- name: Stock'), [LEVELS]: replace('domain: stock', 'domain: Stock') },
    code: MESH_CODES.invalidName,
    path: 'domains[1].name',
    message: 'domain name "Stock" is not a lowercase slug; use lowercase letters, digits and single hyphens, starting with a letter, e.g. "stock"',
    at: [MESH, 'Stock'],
  },
  {
    title: 'two domains with one name',
    edits: { [MESH]: replace('- name: stock', '- name: sales'), [LEVELS]: replace('domain: stock', 'domain: sales') },
    code: MESH_CODES.duplicateName,
    path: 'domains[1].name',
    message: 'domain "sales" is already defined at domains[0]; domain names must be unique',
    at: [MESH, 'sales\n    account: "333333333333"'],
  },
  {
    title: 'a domain account id that is not 12 digits',
    edits: { [MESH]: replace('account: "333333333333"', 'account: "33333333333"') },
    code: MESH_CODES.invalidAccount,
    path: 'domains[1].account',
    message: 'account id must be 12 digits, got "33333333333"; copy it from the AWS console (no dashes or spaces)',
    at: [MESH, '"33333333333"'],
  },
  {
    title: 'an empty owner',
    edits: { [MESH]: replace('owner: stock@example.com', 'owner: "  "') },
    code: MESH_CODES.emptyValue,
    path: 'domains[1].owner',
    message: 'owner must not be empty; write the email address of the team that owns the domain',
    at: [MESH, '"  "'],
  },
  {
    title: 'a producer of another account',
    edits: { [MESH]: replace('role/sales-etl', 'role/sales-etl", "arn:aws:iam::333333333333:role/stock-etl') },
    code: MESH_CODES.principalAccount,
    path: 'domains[0].producers[1]',
    message:
      'principal "arn:aws:iam::333333333333:role/stock-etl" is in account 333333333333, but domain "sales" is account 222222222222; use a principal of account 222222222222',
    at: [MESH, '"arn:aws:iam::333333333333:role/stock-etl"'],
  },
  {
    title: 'a producer ARN of another partition than the region',
    edits: { [MESH]: replace('arn:aws:iam::222222222222:role/sales-etl', 'arn:aws-cn:iam::222222222222:role/sales-etl') },
    code: MESH_CODES.principalAccount,
    path: 'domains[0].producers[0]',
    message:
      'principal "arn:aws-cn:iam::222222222222:role/sales-etl" is in partition "aws-cn", but region eu-west-1 is in partition "aws"; write it as arn:aws:iam::…',
    at: [MESH, '"arn:aws-cn'],
  },
  {
    title: 'a derived bucket name longer than 63 characters',
    edits: {
      [MESH]: replace('- name: stock', '- name: stock-levels-and-warehouse-inventory'),
      [LEVELS]: replace('domain: stock', 'domain: stock-levels-and-warehouse-inventory'),
    },
    code: MESH_CODES.invalidBucketName,
    path: 'domains[1].name',
    message:
      'the domain bucket name "shop-stock-levels-and-warehouse-inventory-333333333333-eu-west-1" is 64 characters, more than the 63 S3 allows; shorten the mesh name "shop" or the domain name "stock-levels-and-warehouse-inventory" by 1 characters together',
    at: [MESH, 'stock-levels-and-warehouse-inventory'],
  },
  {
    title: 'a contract file that does not exist',
    edits: { [MESH]: replace('contracts/levels.odcs.yaml', 'contracts/level.odcs.yaml') },
    code: MESH_CODES.contractNotFound,
    path: 'domains[1].products[0]',
    message: (fixture) => `contract file "contracts/level.odcs.yaml" not found (looked for ${fixture.path('contracts/level.odcs.yaml')}); paths are relative to mesh.yaml`,
    at: [MESH, 'contracts/level.odcs.yaml'],
  },
  {
    title: 'a contract of another domain',
    edits: { [LEVELS]: replace('domain: stock', 'domain: Warehouse') },
    code: MESH_CODES.contractDomainMismatch,
    path: 'domain',
    message: 'contract domain "Warehouse" does not match domain "stock" that lists it in mesh.yaml; set "domain: stock" or list the contract under its own domain',
    at: [LEVELS, 'Warehouse'],
  },
  {
    title: 'a contract without a domain',
    edits: { [LEVELS]: replace('domain: stock\n', '') },
    code: MESH_CODES.contractDomainMismatch,
    path: 'domain',
    message: 'contract has no domain; add "domain: stock", the mesh domain that lists it',
    at: [LEVELS, 'apiVersion'],
  },
  {
    title: 'one contract listed twice in a domain',
    edits: { [MESH]: replace('      - contracts/orders.odcs.yaml\n', '      - contracts/orders.odcs.yaml\n      - ./contracts/orders.odcs.yaml\n') },
    code: MESH_CODES.duplicateProduct,
    path: 'domains[0].products[1]',
    message: 'product "orders" is already defined by contracts/orders.odcs.yaml (products[0]); give this contract another dataProduct or list it only once',
    at: [MESH, './contracts/orders.odcs.yaml'],
  },
  {
    title: 'two contracts with one id',
    edits: { [LEVELS]: replace('id: levels-contract', 'id: orders-contract') },
    code: MESH_CODES.duplicateContractId,
    path: 'id',
    message: (fixture) => `contract id "orders-contract" is already used by ${fixture.path(ORDERS)}; every contract needs its own id (a UUID)`,
    at: [LEVELS, 'orders-contract'],
  },
  {
    title: 'a retired contract',
    edits: { [LEVELS]: replace('status: active', 'status: retired') },
    code: MESH_CODES.retiredContract,
    path: 'status',
    message: 'contract status is "retired"; remove the product from mesh.yaml (its data stays in place) or set the status back to "deprecated"',
    at: [LEVELS, 'retired'],
  },
  {
    title: 'a classification outside the ontology',
    edits: { [ORDERS]: replace('classification: restricted', 'classification: restrictd') },
    code: MESH_CODES.unknownClassification,
    path: 'schema[0].properties[1].classification',
    message:
      'classification "restrictd" of column orders.email is not in the mesh\'s ontology (public, internal, restricted); use one of those or add it to governance.tags.classification; did you mean "restricted"?',
    at: [ORDERS, 'restrictd'],
  },
  {
    title: 'a classification of the default ontology when the mesh declares none',
    edits: {
      [MESH]: replace('  tags:\n    classification: [public, internal, restricted]\n', ''),
      [ORDERS]: replace('classification: internal', 'classification: secret'),
    },
    code: MESH_CODES.unknownClassification,
    path: 'schema[0].properties[0].classification',
    message:
      'classification "secret" of column orders.order_id is not in the mesh\'s ontology (public, internal, confidential, restricted); use one of those or add it to governance.tags.classification',
    at: [ORDERS, 'secret'],
  },
  {
    title: 'a Glue database name longer than 255 characters',
    edits: { [LEVELS]: replace('dataProduct: levels', `dataProduct: ${'l'.repeat(250)}`) },
    code: MESH_CODES.databaseNameTooLong,
    path: 'domains[1].products[0]',
    message: `the Glue database name "stock_${'l'.repeat(34)}…" is 256 characters, more than the 255 Glue allows; shorten the contract's dataProduct or the domain name`,
    at: [MESH, 'contracts/levels.odcs.yaml'],
  },
  {
    title: 'a consumer in the governance account',
    edits: { [MESH]: (text) => text.replace('account: "444444444444"', 'account: "111111111111"').replace('iam::444444444444', 'iam::111111111111') },
    code: MESH_CODES.sameAccountConsumer,
    path: 'consumers[0].account',
    message:
      'consumer "marketing" is in the governance account 111111111111; consumers must be other accounts (principals of the governance account are granted by its Lake Formation admins)',
    at: [MESH, '"111111111111"', 2],
  },
  {
    title: 'a consumer without principals',
    edits: { [MESH]: replace('principals: ["arn:aws:iam::444444444444:role/analyst"]', 'principals: []') },
    code: MESH_CODES.noPrincipals,
    path: 'consumers[0].principals',
    message: 'consumer "marketing" lists no principals; add the IAM role ARNs that will query the data',
    at: [MESH, '[]'],
  },
  {
    title: 'a wildcard principal',
    edits: { [MESH]: replace('role/analyst"', 'role/*"') },
    code: MESH_CODES.invalidPrincipal,
    path: 'consumers[0].principals[0]',
    message: 'wildcards are not allowed in principals, got "arn:aws:iam::444444444444:role/*"; name each role or user',
    at: [MESH, '"arn:aws:iam::444444444444:role/*"'],
  },
  {
    title: 'an account root principal',
    edits: { [MESH]: replace('arn:aws:iam::444444444444:role/analyst', 'arn:aws:iam::444444444444:root') },
    code: MESH_CODES.invalidPrincipal,
    path: 'consumers[0].principals[0]',
    message: 'an account root gives the whole account access, got "arn:aws:iam::444444444444:root"; name an IAM role or user ARN instead',
    at: [MESH, '"arn:aws:iam::444444444444:root"'],
  },
  {
    title: 'a principal that is not an IAM ARN',
    edits: { [MESH]: replace('"arn:aws:iam::444444444444:role/analyst"', 'analyst') },
    code: MESH_CODES.invalidPrincipal,
    path: 'consumers[0].principals[0]',
    message: 'expected an IAM role or user ARN like "arn:aws:iam::123456789012:role/analyst", got "analyst"',
    at: [MESH, 'analyst]'],
  },
  {
    title: 'a consumer principal of another account',
    edits: { [MESH]: replace('arn:aws:iam::444444444444:role/analyst', 'arn:aws:iam::555555555555:role/analyst') },
    code: MESH_CODES.principalAccount,
    path: 'consumers[0].principals[0]',
    message:
      'principal "arn:aws:iam::555555555555:role/analyst" is in account 555555555555, but consumer "marketing" is account 444444444444; use a principal of account 444444444444',
    at: [MESH, '"arn:aws:iam::555555555555:role/analyst"'],
  },
  {
    title: 'two consumers with one name',
    edits: {
      [MESH]: replace('grants:\n', '  - name: marketing\n    account: "666666666666"\n    principals: ["arn:aws:iam::666666666666:role/x"]\ngrants:\n'),
    },
    code: MESH_CODES.duplicateName,
    path: 'consumers[1].name',
    message: 'consumer "marketing" is already defined at consumers[0]; consumer names must be unique',
    at: [MESH, 'marketing', 2],
  },
];

describe('loadMesh domains, contracts and consumers', () => {
  test.each(cases)('fails on $title', ({ edits, code, path, message, at }) => {
    const fixture = MeshFixture.edited(edits);
    const [file, text, occurrence] = at;
    const expected: Problem = {
      code,
      path,
      message: typeof message === 'string' ? message : message(fixture),
      location: fixture.at(file, text, occurrence),
    };
    expect(fixture.problems()).toEqual([expected]);
  });

  test('fails on every derived bucket name with a prefix S3 reserves', () => {
    const fixture = MeshFixture.edited({ [MESH]: replace('name: shop', 'name: sthree') });
    expect(fixture.problems()).toEqual(
      ['sales', 'stock'].map((domain, index) => ({
        code: MESH_CODES.invalidBucketName,
        path: `domains[${index}].name`,
        message: `the domain bucket name "sthree-${domain}-${index === 0 ? '222222222222' : '333333333333'}-eu-west-1" starts with "sthree-", which S3 reserves; rename the mesh`,
        location: fixture.at(MESH, `${domain}\n    account`),
      })),
    );
  });

  test('fails when two products derive one Glue database name', () => {
    // Domain "stock" + product "levels_x" and domain "stock-levels" + product "x" both give stock_levels_x.
    const fixture = MeshFixture.edited({
      [MESH]: replace(
        'consumers:\n',
        '  - name: stock-levels\n    account: "555555555555"\n    owner: x@example.com\n    products: [contracts/x.odcs.yaml]\nconsumers:\n',
      ),
      [LEVELS]: replace('dataProduct: levels', 'dataProduct: levels x'),
      'contracts/x.odcs.yaml': () => LEVELS_CONTRACT.replace('id: levels-contract', 'id: x-contract').replace('domain: stock', 'domain: stock-levels').replace('dataProduct: levels', 'dataProduct: x'),
    });
    expect(fixture.problems()).toEqual([
      {
        code: MESH_CODES.databaseNameCollision,
        path: 'domains[2].products[0]',
        message:
          'this product\'s Glue database name "stock_levels_x" is also the name of the product at domains[1].products[0]; rename the domain or the dataProduct of one of them',
        location: fixture.at(MESH, 'contracts/x.odcs.yaml'),
      },
    ]);
  });
});
