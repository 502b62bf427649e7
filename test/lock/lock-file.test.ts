/** The lock file: path, deterministic text, atomic writes, and every way reading it fails. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fingerprint } from '../../lib/contract/fingerprint';
import { LOCK_CODES } from '../../lib/lock/codes';
import { MAX_LOCK_DEPTH, parseContractLock, readContractLock, serializeContractLock, writeLockFileAtomic } from '../../lib/lock/lock-file';
import { ContractLock, lockFilePath } from '../../lib/lock/model';
import { MeshFixture, problemsOf } from '../config/mesh-fixture';

const ORDERS_DOC = { version: '1.0.0', id: 'orders-contract', schema: [{ name: 'orders', properties: [{ name: 'b' }, { name: 'a' }] }], apiVersion: 'v3.1.0' };
const LEVELS_DOC = { id: 'levels-contract', version: '2.1.0' };

function lockOf(overrides: Partial<ContractLock> = {}): ContractLock {
  return {
    lockVersion: 1,
    mesh: 'shop',
    products: {
      'stock.levels': { contractId: 'levels-contract', version: '2.1.0', fingerprint: fingerprint(LEVELS_DOC), file: 'contracts/levels.odcs.yaml', contract: LEVELS_DOC },
      'sales.orders': { contractId: 'orders-contract', version: '1.0.0', fingerprint: fingerprint(ORDERS_DOC), file: 'contracts/orders.odcs.yaml', contract: ORDERS_DOC },
    },
    grants: [
      { product: 'stock.levels', consumer: 'marketing', role: 'reader' },
      { product: 'sales.orders', consumer: 'marketing', role: 'analyst' },
      { product: 'sales.orders', consumer: 'finance', role: 'analyst' },
    ],
    ...overrides,
  };
}

describe('lockFilePath', () => {
  test.each([
    ['mesh.yaml', 'mesh.lock.json'],
    ['dir/prod.mesh.yml', 'dir/prod.mesh.lock.json'],
    ['/abs/mesh.json', '/abs/mesh.lock.json'],
    ['mesh', 'mesh.lock.json'],
  ])('%s → %s', (mesh, lock) => {
    expect(lockFilePath(mesh)).toBe(lock);
  });
});

describe('serializeContractLock', () => {
  test('writes fixed fields, products by name, contract keys sorted, grants sorted, 2-space indent and a final newline', () => {
    const text = serializeContractLock(lockOf());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n').slice(0, 6)).toEqual(['{', '  "lockVersion": 1,', '  "mesh": "shop",', '  "products": {', '    "sales.orders": {', '      "contractId": "orders-contract",']);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['lockVersion', 'mesh', 'products', 'grants']);
    expect(Object.keys(parsed.products)).toEqual(['sales.orders', 'stock.levels']);
    expect(Object.keys(parsed.products['sales.orders'])).toEqual(['contractId', 'version', 'fingerprint', 'file', 'contract']);
    expect(Object.keys(parsed.products['sales.orders'].contract)).toEqual(['apiVersion', 'id', 'schema', 'version']);
    // Arrays keep their order: column order is content.
    expect(parsed.products['sales.orders'].contract.schema[0].properties).toEqual([{ name: 'b' }, { name: 'a' }]);
    expect(parsed.grants).toEqual([
      { product: 'sales.orders', consumer: 'finance', role: 'analyst' },
      { product: 'sales.orders', consumer: 'marketing', role: 'analyst' },
      { product: 'stock.levels', consumer: 'marketing', role: 'reader' },
    ]);
  });

  test('gives the same text whatever the input order', () => {
    const lock = lockOf();
    const shuffled = lockOf({
      products: Object.fromEntries(Object.entries(lock.products).reverse()),
      grants: [...lock.grants].reverse(),
    });
    expect(serializeContractLock(shuffled)).toBe(serializeContractLock(lock));
  });

  test('round-trips through parseContractLock, keeping each fingerprint valid', () => {
    const text = serializeContractLock(lockOf());
    const { lock } = parseContractLock('mesh.lock.json', text);
    expect(serializeContractLock(lock)).toBe(text);
    expect(fingerprint(lock.products['sales.orders'].contract)).toBe(lock.products['sales.orders'].fingerprint);
  });
});

describe('writeLockFileAtomic', () => {
  test('replaces the file and leaves no temporary file behind', () => {
    const fixture = new MeshFixture({ 'mesh.lock.json': 'old\n' });
    writeLockFileAtomic(fixture.path('mesh.lock.json'), 'new\n');
    expect(fixture.read('mesh.lock.json')).toBe('new\n');
    expect(fs.readdirSync(fixture.dir)).toEqual(['mesh.lock.json']);
  });

  test('leaves what was there and no temporary file when the rename fails', () => {
    // Renaming a file over a non-empty directory fails after the temporary file was written.
    const fixture = new MeshFixture({ 'mesh.lock.json/keep': 'kept\n' });
    const file = fixture.path('mesh.lock.json');
    expect(problemsOf(() => writeLockFileAtomic(file, 'new\n'))).toEqual([
      {
        code: LOCK_CODES.unwritable,
        path: '',
        message: `${file}: cannot write the contract lock (a directory is in its place); move the directory away`,
      },
    ]);
    expect(fixture.read('mesh.lock.json/keep')).toBe('kept\n');
    expect(fs.readdirSync(fixture.dir)).toEqual(['mesh.lock.json']);
  });

  test('fails with LM531 when the directory does not exist', () => {
    const fixture = new MeshFixture({});
    const file = path.join(fixture.dir, 'missing', 'mesh.lock.json');
    const [problem] = problemsOf(() => writeLockFileAtomic(file, '{}\n'));
    expect(problem.code).toBe('LM531');
    expect(problem.message).toMatch(/^.*mesh\.lock\.json: cannot write the contract lock \(ENOENT: no such file or directory, .*\); make the directory of the mesh file writable$/);
  });
});

describe('readContractLock', () => {
  const valid = serializeContractLock(lockOf());

  test('returns undefined when there is no lock', () => {
    const fixture = new MeshFixture({});
    expect(readContractLock(fixture.path('mesh.lock.json'))).toBeUndefined();
  });

  test('reads a lock with its file name and text', () => {
    const fixture = new MeshFixture({ 'mesh.lock.json': valid });
    const file = fixture.path('mesh.lock.json');
    const read = readContractLock(file);
    expect(read?.file).toBe(file);
    expect(read?.text).toBe(valid);
    expect(read?.lock.mesh).toBe('shop');
    expect(read?.lock.grants).toHaveLength(3);
  });

  test('refuses a directory', () => {
    const fixture = new MeshFixture({ 'mesh.lock.json/x': '' });
    const file = fixture.path('mesh.lock.json');
    expect(problemsOf(() => readContractLock(file))).toEqual([
      {
        code: LOCK_CODES.unreadable,
        path: '',
        message: `${file}: cannot read the contract lock (it is not a regular file); restore it from version control, or delete it and run \`lakemesh lock\``,
      },
    ]);
  });

  test('refuses text that is not UTF-8', () => {
    const fixture = new MeshFixture({ 'mesh.lock.json': Uint8Array.from([0x7b, 0xff, 0x7d]) });
    expect(problemsOf(() => readContractLock(fixture.path('mesh.lock.json')))[0].message).toContain('(it is not UTF-8 text)');
  });
});

describe('parseContractLock fails', () => {
  const valid = serializeContractLock(lockOf());
  const problemOf = (text: string) => {
    const problems = problemsOf(() => parseContractLock('mesh.lock.json', text));
    expect(problems).toHaveLength(1);
    return problems[0];
  };

  test('on git merge conflict markers, at the first marker', () => {
    const text = valid.replace('      "version": "1.0.0",\n', '<<<<<<< HEAD\n      "version": "1.0.0",\n=======\n      "version": "1.1.0",\n>>>>>>> feature\n');
    expect(problemOf(text)).toEqual({
      code: LOCK_CODES.syntax,
      path: '',
      message:
        'the contract lock has git merge conflict markers; keep one side of the conflict (e.g. `git checkout --theirs mesh.lock.json`), then run `lakemesh lock` to compare the merged contracts with it and record them',
      location: { file: 'mesh.lock.json', line: 7, column: 1 },
    });
  });

  test('on invalid JSON, at the position JSON.parse names', () => {
    expect(problemOf('{\n  "lockVersion": 1,\n}\n')).toEqual({
      code: LOCK_CODES.syntax,
      path: '',
      message:
        'the contract lock is not valid JSON (expected double-quoted property name); lakemesh writes it, so restore it from version control, or delete it and run `lakemesh lock` to record the contracts again',
      location: { file: 'mesh.lock.json', line: 3, column: 1 },
    });
  });

  test('on an unexpected character, without echoing the file', () => {
    expect(problemOf('lockVersion: 1\n').message).toMatch(/^the contract lock is not valid JSON \(unexpected character "l"\);/);
  });

  test('on an empty file, at its end', () => {
    expect(problemOf('')).toMatchObject({ message: expect.stringContaining('(unexpected end of JSON input)'), location: { line: 1, column: 1 } });
  });

  test('on a lockVersion this lakemesh does not read', () => {
    expect(problemOf(valid.replace('"lockVersion": 1', '"lockVersion": 2'))).toEqual({
      code: LOCK_CODES.unsupportedVersion,
      path: 'lockVersion',
      message: 'lockVersion 2 is not one this version of lakemesh reads (it reads 1); use the lakemesh version that wrote the lock, or upgrade lakemesh',
      location: { file: 'mesh.lock.json', line: 2, column: 3 },
    });
  });

  const fix = 'lakemesh writes the lock, so restore it from version control, or delete it and run `lakemesh lock`';
  test.each([
    [
      'a malformed fingerprint',
      (text: string) => text.replace(/"fingerprint": "[0-9a-f]+"/, '"fingerprint": "abc"'),
      'products.sales.orders.fingerprint',
      `expected a SHA-256 fingerprint (64 lower-case hex digits), got a string ("abc"); ${fix}`,
      8,
    ],
    ['a missing version', (text: string) => text.replace('      "version": "1.0.0",\n', ''), 'products.sales.orders.version', `is required in the contract lock; ${fix}`, 5],
    ['a contract that is not a mapping', (text: string) => text.replace(/"contract": \{[\s\S]*?\n {6}\}/, '"contract": []'), 'products.sales.orders.contract', `expected a mapping (the locked ODCS document), got a list; ${fix}`, 10],
    ['a version that is a number', (text: string) => text.replace('"version": "1.0.0"', '"version": 1'), 'products.sales.orders.version', `expected a string, got a number (1); ${fix}`, 7],
    ['an empty mesh name', (text: string) => text.replace('"mesh": "shop"', '"mesh": ""'), 'mesh', `expected a non-empty text, got a string (""); ${fix}`, 3],
    ['an unknown key', (text: string) => text.replace('"mesh": "shop",', '"mesh": "shop",\n  "generated": "today",'), '', `unknown key "generated" in the contract lock; ${fix}`, 1],
    ['grants that are not a list', (text: string) => text.replace(/"grants": \[[\s\S]*\]/, '"grants": {}'), 'grants', `expected a list, got a mapping; ${fix}`, null],
  ])('on %s', (_title, change, path, message, line) => {
    const text = change(valid);
    expect(text).not.toBe(valid);
    const problem = problemOf(text);
    expect(problem).toMatchObject({ code: LOCK_CODES.shape, path, message });
    const expectedLine = line ?? text.split('\n').findIndex((candidate) => candidate.includes('"grants"')) + 1;
    expect(problem.location).toEqual({ file: 'mesh.lock.json', line: expectedLine, column: expect.any(Number) });
  });

  test('on nesting deeper than any contract, which later recursive steps could not handle', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = valid.replace('"apiVersion": "v3.1.0"', `"apiVersion": ${deep}`);
    expect(problemOf(text)).toEqual({
      code: LOCK_CODES.shape,
      path: '',
      message: `the contract lock nests deeper than ${MAX_LOCK_DEPTH} levels, deeper than any contract lakemesh reads; restore it from version control, or delete it and run \`lakemesh lock\``,
      location: { file: 'mesh.lock.json', line: 1, column: 1 },
    });
    // The contract sits 4 levels down (root, products, entry, contract): a contract as deep as the YAML reader allows still fits.
    const nested = (levels: number) => valid.replace('"apiVersion": "v3.1.0"', `"apiVersion": ${'['.repeat(levels)}${']'.repeat(levels)}`);
    expect(parseContractLock('mesh.lock.json', nested(MAX_LOCK_DEPTH - 4)).lock.mesh).toBe('shop');
    expect(problemOf(nested(MAX_LOCK_DEPTH - 3)).code).toBe(LOCK_CODES.shape);
  });

  test('on a file that is not a mapping', () => {
    expect(problemOf('[]')).toMatchObject({ code: LOCK_CODES.shape, path: '', message: `expected a mapping, got a list; ${fix}` });
  });
});
