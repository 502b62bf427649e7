/** `grants`: one broken input per problem, exact message and location. */
import { MESH_CODES } from '../../lib/config/codes';
import { Problem } from '../../lib/errors';
import { MeshFixture, TODAY } from './mesh-fixture';

type Edit = (text: string) => string;
const replace = (from: string, to: string): Edit => (text) => text.replace(from, to);

const MESH = 'mesh.yaml';
const ORDERS = 'contracts/orders.odcs.yaml';

const GRANT = `  - product: sales.orders
    consumer: marketing
    role: analyst
    purpose: campaign attribution
    requestedBy: ana@example.com
    approvedBy: dpo@example.com
    expires: 2027-06-30
`;
/** Appends a second grant (the base fixture's one, edited). */
const addGrant = (edit: Edit = (grant) => grant): Edit => (text) => `${text}${edit(GRANT)}`;

interface Case {
  readonly title: string;
  readonly edits: Readonly<Record<string, Edit>>;
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly at: readonly [file: string, text: string, occurrence?: number];
}

const cases: readonly Case[] = [
  {
    title: 'a misspelled product',
    edits: { [MESH]: replace('product: sales.orders', 'product: sales.ordres') },
    code: MESH_CODES.unknownProduct,
    path: 'grants[0].product',
    message: 'unknown product "sales.ordres"; did you mean "sales.orders"?',
    at: [MESH, 'sales.ordres'],
  },
  {
    title: 'a product the domain does not have',
    edits: { [MESH]: replace('product: sales.orders', 'product: sales.returns') },
    code: MESH_CODES.unknownProduct,
    path: 'grants[0].product',
    message: 'unknown product "sales.returns"; domain "sales" has sales.orders',
    at: [MESH, 'sales.returns'],
  },
  {
    title: 'a product of a domain that does not exist',
    edits: { [MESH]: replace('product: sales.orders', 'product: finance.ledger') },
    code: MESH_CODES.unknownProduct,
    path: 'grants[0].product',
    message: 'unknown product "finance.ledger"; known products: sales.orders, stock.levels',
    at: [MESH, 'finance.ledger'],
  },
  {
    title: 'a product without its domain',
    edits: { [MESH]: replace('product: sales.orders', 'product: orders') },
    code: MESH_CODES.unknownProduct,
    path: 'grants[0].product',
    message: 'product must be written <domain>.<product>, got "orders"; known products: sales.orders, stock.levels',
    at: [MESH, 'orders\n'],
  },
  {
    title: 'a misspelled consumer',
    edits: { [MESH]: replace('consumer: marketing', 'consumer: marketting') },
    code: MESH_CODES.unknownConsumer,
    path: 'grants[0].consumer',
    message: 'unknown consumer "marketting"; did you mean "marketing"?',
    at: [MESH, 'marketting'],
  },
  {
    title: 'a consumer that is not declared',
    edits: { [MESH]: replace('consumer: marketing', 'consumer: finance') },
    code: MESH_CODES.unknownConsumer,
    path: 'grants[0].consumer',
    message: 'unknown consumer "finance"; declare it under consumers (known consumers: marketing)',
    at: [MESH, 'finance'],
  },
  {
    title: 'a misspelled role',
    edits: { [MESH]: replace('role: analyst', 'role: analsyt') },
    code: MESH_CODES.unknownRole,
    path: 'grants[0].role',
    message: 'role "analsyt" is not a role of the sales.orders contract (it offers analyst, loader); did you mean "analyst"?',
    at: [MESH, 'analsyt'],
  },
  {
    title: 'a role the contract does not offer',
    edits: { [MESH]: replace('role: analyst', 'role: auditor') },
    code: MESH_CODES.unknownRole,
    path: 'grants[0].role',
    message: 'role "auditor" is not a role of the sales.orders contract (it offers analyst, loader); name one of those or add the role to the contract',
    at: [MESH, 'auditor'],
  },
  {
    title: 'a role of a contract without roles',
    edits: { [ORDERS]: (text) => text.slice(0, text.indexOf('roles:\n')) },
    code: MESH_CODES.unknownRole,
    path: 'grants[0].role',
    message: 'role "analyst" is not a role of the sales.orders contract (it defines no roles); add the role under roles[] in the contract',
    at: [MESH, 'analyst\n'],
  },
  {
    title: 'a role with write access',
    edits: { [MESH]: replace('role: analyst', 'role: loader') },
    code: MESH_CODES.notReadRole,
    path: 'grants[0].role',
    message: 'role "loader" of sales.orders has access "write"; lakemesh grants consumers read access only, so name a role with "access: read"',
    at: [MESH, 'loader'],
  },
  {
    title: 'a grant on a draft product',
    edits: { [ORDERS]: replace('status: active', 'status: draft') },
    code: MESH_CODES.unsharedProduct,
    path: 'grants[0].product',
    message: 'sales.orders has contract status "draft", and draft products are not shared with other accounts; set the contract\'s status to "active" or remove the grant',
    at: [MESH, 'sales.orders'],
  },
  {
    title: 'a grant on a proposed product',
    edits: { [ORDERS]: replace('status: active', 'status: proposed') },
    code: MESH_CODES.unsharedProduct,
    path: 'grants[0].product',
    message:
      'sales.orders has contract status "proposed", and proposed products are not shared with other accounts; set the contract\'s status to "active" or remove the grant',
    at: [MESH, 'sales.orders'],
  },
  {
    title: 'a grant on a deprecated product',
    edits: { [ORDERS]: replace('status: active', 'status: deprecated') },
    code: MESH_CODES.deprecatedProduct,
    path: 'grants[0].product',
    message:
      'sales.orders has contract status "deprecated"; deprecated products accept no new grants (grants made before the deprecation stay when the contract lock records them: run `lakemesh lock` while the product is active); remove the grant or reactivate the contract',
    at: [MESH, 'sales.orders'],
  },
  {
    title: 'a consumer in the producing account',
    edits: {
      [MESH]: (text) => text.replace('account: "444444444444"', 'account: "222222222222"').replace('iam::444444444444', 'iam::222222222222'),
    },
    code: MESH_CODES.sameAccountConsumer,
    path: 'grants[0].consumer',
    message:
      'consumer "marketing" is in account 222222222222, the account of domain "sales" that owns sales.orders; grant principals of the producing account through the domain\'s producers instead',
    at: [MESH, 'marketing', 2],
  },
  {
    title: 'an empty purpose',
    edits: { [MESH]: replace('purpose: campaign attribution', 'purpose: ""') },
    code: MESH_CODES.emptyValue,
    path: 'grants[0].purpose',
    message: 'purpose must not be empty; say what the consumer will use the data for',
    at: [MESH, '""'],
  },
  {
    title: 'an empty requestedBy',
    edits: { [MESH]: replace('requestedBy: ana@example.com', 'requestedBy: " "') },
    code: MESH_CODES.emptyValue,
    path: 'grants[0].requestedBy',
    message: 'requestedBy must not be empty; write the email address of the person who asked for access',
    at: [MESH, '" "'],
  },
  {
    title: 'an empty approvedBy',
    edits: { [MESH]: replace('approvedBy: dpo@example.com', "approvedBy: ''") },
    code: MESH_CODES.emptyValue,
    path: 'grants[0].approvedBy',
    message: 'approvedBy must not be empty; write the email address of the person who approved the grant',
    at: [MESH, "''"],
  },
  {
    title: 'a requester that is neither an email address nor an ARN',
    edits: { [MESH]: replace('requestedBy: ana@example.com', 'requestedBy: ana') },
    code: MESH_CODES.invalidContact,
    path: 'grants[0].requestedBy',
    message: 'requestedBy must be an email address or an IAM principal ARN, got a string ("ana"); the audit trail has to name a person who can be asked',
    at: [MESH, 'ana\n'],
  },
  {
    title: 'a grant approved by its requester',
    edits: { [MESH]: replace('approvedBy: dpo@example.com', 'approvedBy: Ana@Example.com') },
    code: MESH_CODES.selfApproval,
    path: 'grants[0].approvedBy',
    message:
      'approvedBy is the requester (Ana@Example.com); a grant must be approved by someone other than the person who requested it, usually the product\'s owner',
    at: [MESH, 'Ana@Example.com'],
  },
  {
    title: 'an expiry that is not a calendar date',
    edits: { [MESH]: replace('expires: 2027-06-30', 'expires: 2027-02-30') },
    code: MESH_CODES.invalidExpiry,
    path: 'grants[0].expires',
    message: 'expires must be a date written YYYY-MM-DD, got a string ("2027-02-30"); e.g. expires: 2027-06-30',
    at: [MESH, '2027-02-30'],
  },
  {
    title: 'an expiry in another format',
    edits: { [MESH]: replace('expires: 2027-06-30', 'expires: 30.06.2027') },
    code: MESH_CODES.invalidExpiry,
    path: 'grants[0].expires',
    message: 'expires must be a date written YYYY-MM-DD, got a string ("30.06.2027"); e.g. expires: 2027-06-30',
    at: [MESH, '30.06.2027'],
  },
  {
    title: 'an expired grant',
    edits: { [MESH]: replace('expires: 2027-06-30', 'expires: 2026-11-14') },
    code: MESH_CODES.expiredGrant,
    path: 'grants[0].expires',
    message: 'grant expired on 2026-11-14 (today is 2026-11-15); renew it with a later expires date and a fresh approval, or remove the grant',
    at: [MESH, '2026-11-14'],
  },
  {
    title: 'a grant repeated with the same product, consumer and role',
    edits: { [MESH]: addGrant((grant) => grant.replace('purpose: campaign attribution', 'purpose: churn model')) },
    code: MESH_CODES.duplicateGrant,
    path: 'grants[1]',
    message:
      'grant of sales.orders to marketing as role analyst repeats grants[0]; remove one (to change the purpose or expiry, edit the existing grant)',
    at: [MESH, 'product: sales.orders', 2],
  },
];

describe('loadMesh grants', () => {
  test.each(cases)('fails on $title', ({ edits, code, path, message, at }) => {
    const fixture = MeshFixture.edited(edits);
    const [file, text, occurrence] = at;
    const expected: Problem = { code, path, message, location: fixture.at(file, text, occurrence) };
    expect(fixture.problems()).toEqual([expected]);
  });

  test('accepts a grant that expires today', () => {
    const fixture = MeshFixture.edited({ [MESH]: replace('expires: 2027-06-30', 'expires: 2026-11-15') });
    expect(fixture.load().grants[0].expires).toBe('2026-11-15');
  });

  test('takes today from the clock when no date is given', () => {
    const fixture = MeshFixture.edited({ [MESH]: replace('expires: 2027-06-30', 'expires: 2020-01-01') });
    const [problem] = fixture.problems({});
    expect(problem.message).toBe(
      `grant expired on 2020-01-01 (today is ${new Date().toISOString().slice(0, 10)}); renew it with a later expires date and a fresh approval, or remove the grant`,
    );
  });

  test('accepts the same product for one consumer under two roles', () => {
    const fixture = MeshFixture.edited({
      [ORDERS]: replace('  - role: loader\n    access: write\n', '  - role: auditor\n    access: read\n'),
      [MESH]: addGrant((grant) => grant.replace('role: analyst', 'role: auditor')),
    });
    expect(fixture.load({ today: TODAY }).grants.map((grant) => grant.role)).toEqual(['analyst', 'auditor']);
  });

  test('accepts an IAM principal ARN as requester and approver', () => {
    const fixture = MeshFixture.edited({
      [MESH]: (text) =>
        text
          .replace('requestedBy: ana@example.com', 'requestedBy: arn:aws:sts::444444444444:assumed-role/sso-analyst/ana')
          .replace('approvedBy: dpo@example.com', 'approvedBy: arn:aws:iam::222222222222:role/sales-dpo'),
    });
    expect(fixture.load().grants[0]).toMatchObject({
      requestedBy: 'arn:aws:sts::444444444444:assumed-role/sso-analyst/ana',
      approvedBy: 'arn:aws:iam::222222222222:role/sales-dpo',
    });
  });
});
