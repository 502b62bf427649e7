/**
 * Where a `products[]` entry may point. Decided behaviour: paths are relative to mesh.yaml and may
 * leave its directory (monorepos keep contracts in a shared folder), but the target must be a
 * `.yaml`, `.yml` or `.json` regular file that parses as an ODCS contract. Anything else is refused
 * unread, so a path in a pull request cannot make `lakemesh validate` print another file's content.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MESH_CODES } from '../../lib/config/codes';
import { CONTRACT_CODES } from '../../lib/contract/codes';
import { SOURCE_CODES } from '../../lib/source/yaml-source';
import { ExampleCopy, MESH } from './hostile-fixture';

const SHIPMENTS = 'contracts/logistics-shipments.odcs.yaml';

/** The example with the logistics contract entry replaced by `entry`. */
function listing(entry: string): ExampleCopy {
  return new ExampleCopy().replace(MESH, SHIPMENTS, entry);
}

const notFound = (example: ExampleCopy, entry: string, lookedFor: string, needle = entry) => ({
  code: MESH_CODES.contractNotFound,
  path: 'domains[2].products[0]',
  message: `contract file ${JSON.stringify(entry)} not found (looked for ${lookedFor}); paths are relative to mesh.yaml`,
  location: example.at(MESH, needle),
});

const notAContract = (example: ExampleCopy, entry: string, needle = entry) => ({
  code: MESH_CODES.notAContractFile,
  path: 'domains[2].products[0]',
  message: `contract file ${JSON.stringify(entry)} is not a .yaml, .yml or .json file; list the ODCS contract file (lakemesh reads no other files)`,
  location: example.at(MESH, needle),
});

describe('paths outside the mesh directory', () => {
  test('a contract in a sibling folder is allowed', () => {
    const example = new ExampleCopy();
    const shared = path.join(path.dirname(example.dir), `${path.basename(example.dir)}-shared`);
    fs.mkdirSync(shared);
    try {
      fs.copyFileSync(example.path(SHIPMENTS), path.join(shared, 'shipments.odcs.yaml'));
      example.replace(MESH, SHIPMENTS, `../${path.basename(shared)}/shipments.odcs.yaml`);
      const logistics = example.load().domains.find((domain) => domain.name === 'logistics');
      expect(logistics?.products.map((product) => product.contractFile)).toEqual([path.join(shared, 'shipments.odcs.yaml')]);
    } finally {
      fs.rmSync(shared, { recursive: true, force: true });
    }
  });

  test('../../etc/passwd is refused unread: its content appears in no message', () => {
    const entry = `${'../'.repeat(example().dir.split(path.sep).length)}etc/passwd`;
    const copy = listing(entry);
    const problems = copy.problems();
    expect(problems).toEqual([notAContract(copy, entry)]);
    expect(JSON.stringify(problems)).not.toMatch(/root:/);
  });

  test('a .env file beside mesh.yaml is refused unread', () => {
    const copy = listing('secrets.env');
    copy.write('secrets.env', 'AWS_SECRET_ACCESS_KEY=do-not-print-me\n');
    const problems = copy.problems();
    expect(problems).toEqual([notAContract(copy, 'secrets.env')]);
    expect(JSON.stringify(problems)).not.toContain('do-not-print-me');
  });

  test('a YAML file that is not a contract (mesh.yaml itself) is parsed as one and reported in that file', () => {
    const copy = listing('mesh.yaml');
    expect(copy.problems()).toEqual([
      {
        code: CONTRACT_CODES.unsupportedApiVersion,
        path: 'apiVersion',
        message: 'apiVersion "lakemesh/v1" is not supported: lakemesh reads ODCS v3.0.x and v3.1.x; set apiVersion to v3.1.0 or v3.0.2 if the contract follows that version',
        location: copy.at(MESH, 'lakemesh/v1'),
      },
    ]);
  });
});

describe('paths that lead nowhere', () => {
  test('a file that does not exist', () => {
    const copy = listing('contracts/nope.odcs.yaml');
    expect(copy.problems()).toEqual([notFound(copy, 'contracts/nope.odcs.yaml', copy.path('contracts/nope.odcs.yaml'))]);
  });

  test('a directory', () => {
    const copy = listing('contracts');
    expect(copy.problems()).toEqual([notFound(copy, 'contracts', copy.path('contracts'), 'contracts\n')]);
  });

  test('an absolute path is still taken relative to mesh.yaml, and the message shows where it looked', () => {
    const copy = listing('/etc/shipments.odcs.yaml');
    expect(copy.problems()).toEqual([notFound(copy, '/etc/shipments.odcs.yaml', path.join(copy.dir, 'etc', 'shipments.odcs.yaml'))]);
  });

  test('an empty path', () => {
    const copy = listing('""');
    expect(copy.problems()).toEqual([notFound(copy, '', copy.dir, '""')]);
  });

  test('a path with a NUL character', () => {
    const copy = listing('"contracts/a\\0.odcs.yaml"');
    expect(copy.problems()).toEqual([notFound(copy, 'contracts/a\u0000.odcs.yaml', copy.path('contracts/a\u0000.odcs.yaml'), '"contracts/a')]);
  });

  test('a symlink loop', () => {
    const copy = listing('contracts/loop.odcs.yaml');
    fs.symlinkSync('loop-b.odcs.yaml', copy.path('contracts/loop.odcs.yaml'));
    fs.symlinkSync('loop.odcs.yaml', copy.path('contracts/loop-b.odcs.yaml'));
    expect(copy.problems()).toEqual([notFound(copy, 'contracts/loop.odcs.yaml', copy.path('contracts/loop.odcs.yaml'))]);
  });

  test('a dangling symlink', () => {
    const copy = listing('contracts/gone.odcs.yaml');
    fs.symlinkSync('deleted.odcs.yaml', copy.path('contracts/gone.odcs.yaml'));
    expect(copy.problems()).toEqual([notFound(copy, 'contracts/gone.odcs.yaml', copy.path('contracts/gone.odcs.yaml'))]);
  });

  test('a symlink to a real contract is followed', () => {
    const copy = listing('contracts/current.odcs.yaml');
    fs.symlinkSync('logistics-shipments.odcs.yaml', copy.path('contracts/current.odcs.yaml'));
    expect(copy.load().grants).toHaveLength(7);
  });

  const unlessRoot = process.getuid?.() === 0 ? test.skip : test;
  unlessRoot('a contract the user may not read (skipped as root, who may read anything)', () => {
    const copy = new ExampleCopy();
    fs.chmodSync(copy.path(SHIPMENTS), 0o000);
    expect(copy.problems()).toEqual([
      {
        code: SOURCE_CODES.unreadable,
        path: '',
        message: `${copy.path(SHIPMENTS)}: cannot read the file (EACCES: permission denied, open '${copy.path(SHIPMENTS)}')`,
      },
    ]);
  });
});

let shared: ExampleCopy | undefined;
/** One copy for computing relative paths. */
function example(): ExampleCopy {
  shared ??= new ExampleCopy();
  return shared;
}
