/** Unreadable, malformed and structurally wrong inputs: a clear, located error, never a crash. */
import { SOURCE_CODES } from '../../lib/source/yaml-source';
import { SCHEMA_CODES } from '../../lib/source/zod-problems';
import { MESH_CODES } from '../../lib/config/codes';
import { CONTRACT_CODES } from '../../lib/contract/codes';
import { loadMesh } from '../../lib/config/load-mesh';
import { MeshFixture, problemsOf, TODAY } from './mesh-fixture';

type Edit = (text: string) => string;
const replace = (from: string, to: string): Edit => (text) => text.replace(from, to);

const MESH = 'mesh.yaml';
const ORDERS = 'contracts/orders.odcs.yaml';
const LEVELS = 'contracts/levels.odcs.yaml';

/** Anchors nested 9 levels deep: 10^9 strings if expanded. */
function aliasBomb(): string {
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

describe('loadMesh on unreadable or malformed files', () => {
  test('fails on a mesh file that does not exist', () => {
    const fixture = new MeshFixture({});
    expect(problemsOf(() => loadMesh(fixture.path(), { today: TODAY }))).toEqual([
      { code: SOURCE_CODES.unreadable, path: '', message: `${fixture.path()}: cannot read the file (file not found)` },
    ]);
  });

  test('fails on an empty mesh file', () => {
    const fixture = new MeshFixture({ [MESH]: '' });
    expect(fixture.problems()).toEqual([
      { code: SOURCE_CODES.empty, path: '', message: 'file is empty; expected a YAML mapping', location: { file: fixture.path(), line: 1, column: 1 } },
    ]);
  });

  test('fails on malformed YAML with the line of the mistake', () => {
    const fixture = MeshFixture.edited({ [MESH]: replace('name: shop\n', 'name: [shop\n') });
    expect(fixture.problems()).toEqual([
      {
        code: SOURCE_CODES.syntax,
        path: '',
        message: 'invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]',
        location: fixture.at(MESH, 'region'),
      },
    ]);
  });

  test('fails fast on a YAML alias bomb', () => {
    const fixture = new MeshFixture({ [MESH]: aliasBomb() });
    expect(fixture.problems()).toEqual([
      {
        code: SOURCE_CODES.syntax,
        path: '',
        message:
          'invalid YAML: excessive alias count indicates a resource exhaustion attack (aliases expand to more than lakemesh accepts; write the values out)',
        location: { file: fixture.path(), line: 1, column: 1 },
      },
    ]);
  });

  test('fails on a mesh file that is not UTF-8', () => {
    const fixture = new MeshFixture({ [MESH]: Buffer.from('name: caf\xe9\n', 'latin1') });
    expect(fixture.problems()).toEqual([
      { code: SOURCE_CODES.notUtf8, path: '', message: `${fixture.path()}: file is not valid UTF-8 text; save it as UTF-8 (binary files cannot be read)` },
    ]);
  });

  test('fails on a mesh file that is a list', () => {
    const fixture = new MeshFixture({ [MESH]: '- sales\n- stock\n' });
    expect(fixture.problems()).toEqual([
      {
        code: SOURCE_CODES.notAMapping,
        path: '',
        message: 'expected a mapping at the top of the file, got a list',
        location: { file: fixture.path(), line: 1, column: 1 },
      },
    ]);
  });

  test('reports an empty or malformed contract file in that file, with the mesh problems', () => {
    const fixture = MeshFixture.edited({
      [ORDERS]: () => '',
      [LEVELS]: replace('dataProduct: levels\n', 'dataProduct: [levels\n'),
    });
    expect(fixture.problems()).toEqual([
      {
        code: SOURCE_CODES.syntax,
        path: '',
        message: 'invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]',
        location: fixture.at(LEVELS, 'schema:'),
      },
      { code: SOURCE_CODES.empty, path: '', message: 'file is empty; expected a YAML mapping', location: { file: fixture.path(ORDERS), line: 1, column: 1 } },
    ]);
  });

  test('reports a contract file that is not UTF-8 and does not report grants on its products again', () => {
    const fixture = new MeshFixture({});
    fixture.write(MESH, MeshFixture.edited({}).read(MESH));
    fixture.write(LEVELS, MeshFixture.edited({}).read(LEVELS));
    fixture.write(ORDERS, Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    expect(fixture.problems()).toEqual([
      {
        code: SOURCE_CODES.notUtf8,
        path: '',
        message: `${fixture.path(ORDERS)}: file is not valid UTF-8 text; save it as UTF-8 (binary files cannot be read)`,
      },
    ]);
  });

  test('reports a contract path that is a directory as not found', () => {
    const fixture = MeshFixture.edited({ [MESH]: replace('contracts/levels.odcs.yaml', 'contracts') });
    expect(fixture.problems()).toEqual([
      {
        code: MESH_CODES.contractNotFound,
        path: 'domains[1].products[0]',
        message: `contract file "contracts" not found (looked for ${fixture.path('contracts')}); paths are relative to mesh.yaml`,
        location: fixture.at(MESH, 'contracts\n'),
      },
    ]);
  });

  test('reports a contract that is not provisionable (no tables) in the contract file', () => {
    const fixture = MeshFixture.edited({ [LEVELS]: (text) => text.replace(/schema:[\s\S]*roles:/, 'schema: []\nroles:') });
    const problems = fixture.problems();
    expect(problems.map((problem) => problem.code)).toEqual([CONTRACT_CODES.noTables]);
    expect(problems[0].location?.file).toBe(fixture.path(LEVELS));
  });
});

describe('loadMesh on structural mistakes', () => {
  test('names the key it expected for a misspelled top-level key', () => {
    const fixture = MeshFixture.edited({ [MESH]: replace('grants:', 'grant:') });
    expect(fixture.problems()).toEqual([
      { code: SCHEMA_CODES.unknownKey, path: 'grant', message: 'unknown key "grant"; did you mean "grants"?', location: fixture.at(MESH, 'grant:') },
    ]);
  });

  test('names the key it expected for a misspelled domain key, without reporting grants on that domain', () => {
    const fixture = MeshFixture.edited({ [MESH]: replace('    products:\n      - contracts/orders', '    prodcts:\n      - contracts/orders') });
    expect(fixture.problems()).toEqual([
      {
        code: SCHEMA_CODES.unknownKey,
        path: 'domains[0].prodcts',
        message: 'unknown key "prodcts"; did you mean "products"?',
        location: fixture.at(MESH, 'prodcts'),
      },
    ]);
  });

  test('still checks the rest of an entry that has an unknown key', () => {
    const fixture = MeshFixture.edited({ [MESH]: replace('    owner: stock@example.com\n', '    owner: ""\n    ownr: x\n') });
    expect(fixture.problems().map((problem) => [problem.code, problem.path])).toEqual([
      [MESH_CODES.emptyValue, 'domains[1].owner'],
      [SCHEMA_CODES.unknownKey, 'domains[1].ownr'],
    ]);
  });

  test('reports a missing required key at its entry', () => {
    const fixture = MeshFixture.edited({ [MESH]: replace('    owner: sales@example.com\n', '') });
    expect(fixture.problems()).toEqual([
      { code: SCHEMA_CODES.missing, path: 'domains[0].owner', message: 'is required (a string)', location: fixture.at(MESH, 'name: sales') },
    ]);
  });

  test('reports a missing governance section', () => {
    const fixture = MeshFixture.edited({
      [MESH]: replace('governance:\n  account: "111111111111"\n  tags:\n    classification: [public, internal, restricted]\n', ''),
    });
    expect(fixture.problems()).toEqual([
      { code: SCHEMA_CODES.missing, path: 'governance', message: 'is required (a mapping)', location: { file: fixture.path(), line: 1, column: 1 } },
    ]);
  });

  test('reports a list written as a scalar, without reporting grants on the missing domains', () => {
    const fixture = MeshFixture.edited({ [MESH]: (text) => text.replace(/domains:\n[\s\S]*consumers:/, 'domains: sales\nconsumers:') });
    expect(fixture.problems()).toEqual([
      { code: SCHEMA_CODES.wrongType, path: 'domains', message: 'expected a list, got a string ("sales")', location: fixture.at(MESH, 'sales') },
    ]);
  });

  test('reports a wrong value type inside a consumer, without reporting grants naming it', () => {
    const fixture = MeshFixture.edited({ [MESH]: replace('principals: ["arn:aws:iam::444444444444:role/analyst"]', 'principals: arn') });
    expect(fixture.problems()).toEqual([
      { code: SCHEMA_CODES.wrongType, path: 'consumers[0].principals', message: 'expected a list, got a string ("arn")', location: fixture.at(MESH, 'arn\n') },
    ]);
  });
});

describe('loadMesh with several mistakes', () => {
  test('reports every mistake in mesh.yaml and in the contracts at once, each at its line', () => {
    const fixture = MeshFixture.edited({
      [MESH]: (text) =>
        text
          .replace('  tags:\n', '  sharring: producer-direct\n  tags:\n')
          .replace('role/analyst"', 'role/*"')
          .replace('expires: 2027-06-30', 'expires: 2026-01-01')
          .replace('account: "333333333333"', 'account: 333333333333'),
      [ORDERS]: replace('classification: internal', 'classification: secret'),
      [LEVELS]: replace('logicalType: integer', 'logicalType: integer\n        physicalType: decimal(40,2)'),
    });
    const problems = fixture.problems();
    expect(problems.map((problem) => [problem.code, problem.path, problem.location])).toEqual([
      [CONTRACT_CODES.invalidPhysicalType, 'schema[0].properties[1].physicalType', fixture.at(LEVELS, 'decimal(40,2)')],
      [MESH_CODES.unknownClassification, 'schema[0].properties[0].classification', fixture.at(ORDERS, 'secret')],
      [SCHEMA_CODES.unknownKey, 'governance.sharring', fixture.at(MESH, 'sharring')],
      [MESH_CODES.invalidAccount, 'domains[1].account', fixture.at(MESH, '333333333333')],
      [MESH_CODES.invalidPrincipal, 'consumers[0].principals[0]', fixture.at(MESH, '"arn:aws:iam::444444444444:role/*"')],
      [MESH_CODES.expiredGrant, 'grants[0].expires', fixture.at(MESH, '2026-01-01')],
    ]);
    expect(problems[2].message).toBe('unknown key "sharring"; did you mean "sharing"?');
  });
});
