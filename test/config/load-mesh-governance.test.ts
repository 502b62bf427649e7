/** mesh.yaml header and `governance`: one broken input per problem, exact message and location. */
import { MESH_CODES } from '../../lib/config/codes';
import { Problem } from '../../lib/errors';
import { MeshFixture } from './mesh-fixture';

type Edit = (text: string) => string;
const replace = (from: string, to: string): Edit => (text) => text.replace(from, to);

interface Case {
  readonly title: string;
  readonly edit: Edit;
  readonly code: string;
  readonly path: string;
  readonly message: string;
  /** Text at the expected location in mesh.yaml (and its occurrence). */
  readonly at: string;
  readonly occurrence?: number;
}

const cases: readonly Case[] = [
  {
    title: 'an apiVersion other than lakemesh/v1',
    edit: replace('apiVersion: lakemesh/v1', 'apiVersion: lakemesh/v2'),
    code: MESH_CODES.apiVersion,
    path: 'apiVersion',
    message: 'unsupported apiVersion "lakemesh/v2"; this version of lakemesh reads "apiVersion: lakemesh/v1"',
    at: 'lakemesh/v2',
  },
  {
    title: 'a kind other than Mesh',
    edit: replace('kind: Mesh', 'kind: DataContract'),
    code: MESH_CODES.kind,
    path: 'kind',
    message: 'kind must be "Mesh" in a mesh file, got "DataContract"; is this a data contract rather than mesh.yaml?',
    at: 'DataContract',
  },
  {
    title: 'a mesh name that is not a slug',
    edit: replace('name: shop', 'name: Shop_EU'),
    code: MESH_CODES.invalidName,
    path: 'name',
    message: 'mesh name "Shop_EU" is not a lowercase slug; use lowercase letters, digits and single hyphens, starting with a letter, e.g. "shop-eu"',
    at: 'Shop_EU',
  },
  {
    title: 'a mesh name with a double hyphen',
    edit: replace('name: shop', 'name: shop--eu'),
    code: MESH_CODES.invalidName,
    path: 'name',
    message: 'mesh name "shop--eu" is not a lowercase slug; use lowercase letters, digits and single hyphens, starting with a letter, e.g. "shop-eu"',
    at: 'shop--eu',
  },
  {
    title: 'a region that is not an AWS region',
    edit: replace('region: eu-west-1', 'region: europe-west'),
    code: MESH_CODES.invalidRegion,
    path: 'region',
    message: 'expected an AWS region such as "eu-west-1", got "europe-west"',
    at: 'europe-west',
  },
  {
    title: 'an account id written as a YAML number',
    edit: replace('account: "111111111111"', 'account: 111111111111'),
    code: MESH_CODES.invalidAccount,
    path: 'governance.account',
    message: 'account id must be a quoted string, got the number 111111111111; write it in quotes ("111111111111") so YAML keeps every digit',
    at: '111111111111',
  },
  {
    title: 'an account id that is not 12 digits',
    edit: replace('account: "111111111111"', 'account: "1111-1111-1111"'),
    code: MESH_CODES.invalidAccount,
    path: 'governance.account',
    message: 'account id must be 12 digits, got "1111-1111-1111"; copy it from the AWS console (no dashes or spaces)',
    at: '"1111-1111-1111"',
  },
  {
    title: 'an unknown sharing model',
    edit: replace('  tags:\n', '  sharing: central-catalogue\n  tags:\n'),
    code: MESH_CODES.invalidSharing,
    path: 'governance.sharing',
    message: 'unknown sharing model "central-catalogue", expected central-catalog or producer-direct; did you mean "central-catalog"?',
    at: 'central-catalogue',
  },
  {
    title: 'a cross-account version other than 4 or 5',
    edit: replace('  tags:\n', '  crossAccountVersion: 3\n  tags:\n'),
    code: MESH_CODES.invalidCrossAccountVersion,
    path: 'governance.crossAccountVersion',
    message: 'cross-account version must be 4 or 5, got 3; lakemesh needs version 4 or later for cross-account sharing with AWS RAM',
    at: '3\n',
  },
  {
    title: 'an admin that is an IAM user rather than a role',
    edit: replace('  tags:\n', '  admins: ["arn:aws:iam::111111111111:user/alice"]\n  tags:\n'),
    code: MESH_CODES.invalidPrincipal,
    path: 'governance.admins[0]',
    message: 'expected an IAM role ARN, got the IAM user "arn:aws:iam::111111111111:user/alice"',
    at: '"arn:aws:iam::111111111111:user/alice"',
  },
  {
    title: 'an admin role of another account',
    edit: replace('  tags:\n', '  admins: ["arn:aws:iam::222222222222:role/admin"]\n  tags:\n'),
    code: MESH_CODES.principalAccount,
    path: 'governance.admins[0]',
    message:
      'principal "arn:aws:iam::222222222222:role/admin" is in account 222222222222, but the governance account is account 111111111111; use a principal of account 111111111111',
    at: '"arn:aws:iam::222222222222:role/admin"',
  },
  {
    title: 'a tag key lakemesh reserves',
    edit: replace('    classification:', '    domain: [a, b]\n    classification:'),
    code: MESH_CODES.reservedTagKey,
    path: 'governance.tags.domain',
    message: 'tag key "domain" is reserved: lakemesh tags every database and table with "domain" and "product" itself; rename the key',
    at: 'domain: [a, b]',
  },
  {
    title: 'a tag key with characters Lake Formation refuses',
    edit: replace('    classification:', '    "cost center!": [a]\n    classification:'),
    code: MESH_CODES.invalidTagKey,
    path: 'governance.tags.cost center!',
    message: 'tag key "cost center!" is not a valid LF-Tag key: use 1–128 letters, digits, spaces or _ . : / = + - @ % (got 12 characters)',
    at: '"cost center!"',
  },
  {
    title: 'a tag key longer than 128 characters',
    edit: replace('    classification:', `    ${'k'.repeat(129)}: [a]\n    classification:`),
    code: MESH_CODES.invalidTagKey,
    path: `governance.tags.${'k'.repeat(129)}`,
    message: `tag key "${'k'.repeat(129)}" is not a valid LF-Tag key: use 1–128 letters, digits, spaces or _ . : / = + - @ % (got 129 characters)`,
    at: 'kkkk',
  },
  {
    title: 'a tag key without values',
    edit: replace('    classification:', '    tier: []\n    classification:'),
    code: MESH_CODES.invalidTagValue,
    path: 'governance.tags.tier',
    message: 'tag key "tier" has no values; list at least one value',
    at: '[]',
  },
  {
    title: 'a tag value longer than 256 characters',
    edit: replace('    classification:', `    tier: [${'v'.repeat(257)}]\n    classification:`),
    code: MESH_CODES.invalidTagValue,
    path: 'governance.tags.tier[0]',
    message: `tag value "${'v'.repeat(257)}" is not a valid LF-Tag value: use 1–256 letters, digits, spaces or _ . : * / = + - @ % (got 257 characters)`,
    at: 'vvvv',
  },
  {
    title: 'a tag value listed twice',
    edit: replace('[public, internal, restricted]', '[public, internal, Internal, restricted]'),
    code: MESH_CODES.invalidTagValue,
    path: 'governance.tags.classification[2]',
    message: 'tag value "Internal" repeats "internal" (values may not differ only in case); remove one',
    at: 'Internal',
  },
];

describe('loadMesh header and governance', () => {
  test.each(cases)('fails on $title', ({ edit, code, path, message, at, occurrence }) => {
    const fixture = MeshFixture.edited({ 'mesh.yaml': edit });
    const expected: Problem = { code, path, message, location: fixture.at('mesh.yaml', at, occurrence) };
    expect(fixture.problems()).toEqual([expected]);
  });

  test('fails on more than 1000 values for one tag key', () => {
    const values = Array.from({ length: 1001 }, (_, i) => `v${i}`).join(', ');
    const fixture = MeshFixture.edited({ 'mesh.yaml': replace('    classification:', `    tier: [${values}]\n    classification:`) });
    expect(fixture.problems()).toEqual([
      {
        code: MESH_CODES.invalidTagValue,
        path: 'governance.tags.tier',
        message: 'tag key "tier" has 1001 values, more than the 1000 Lake Formation allows; split the key',
        location: fixture.at('mesh.yaml', '[v0'),
      },
    ]);
  });
});
