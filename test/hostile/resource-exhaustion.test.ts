/**
 * Inputs built to exhaust memory, time or the call stack: a file over the size cap, a "billion
 * laughs" alias bomb, nesting ten thousand levels deep, and paths that are not files at all (an
 * endless device, a pipe nobody writes to). Each ends quickly with one clear, coded problem.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadContract } from '../../lib/contract/load-contract';
import { loadMesh } from '../../lib/config/load-mesh';
import { MESH_CODES } from '../../lib/config/codes';
import { MAX_NESTING_DEPTH, MAX_SOURCE_BYTES, readYamlSource, SOURCE_CODES } from '../../lib/source/yaml-source';
import { ExampleCopy, MESH, problemsOf, tempDir, TODAY } from './hostile-fixture';

/** Anchors nested nine levels deep, ten aliases each: 10^9 strings if expanded. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** Times `action` in milliseconds. */
function timed(action: () => void): number {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const CONTRACT_HEAD = 'apiVersion: v3.1.0\nkind: DataContract\nid: deep\nversion: 1.0.0\nstatus: active\n';

describe('size cap', () => {
  test('a 6 MB file fails without being read, naming its size and the cap', () => {
    const dir = tempDir();
    const file = path.join(dir, 'huge.odcs.yaml');
    fs.writeFileSync(file, `${CONTRACT_HEAD}description:\n  purpose: "${'x'.repeat(6 * 1024 * 1024)}"\n`);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(MAX_SOURCE_BYTES);
    expect(problemsOf(() => loadContract(file))).toEqual([
      {
        code: SOURCE_CODES.tooLarge,
        path: '',
        message: `${file}: file is ${size} bytes, more than the ${MAX_SOURCE_BYTES} bytes lakemesh reads; split it or check that it is the right file`,
      },
    ]);
  });

  test('a contract over the cap listed in mesh.yaml is reported against the contract, and the rest of the mesh is still checked', () => {
    const example = new ExampleCopy();
    const huge = example.write('contracts/sales-orders.odcs.yaml', `# ${'x'.repeat(MAX_SOURCE_BYTES)}\n`);
    const size = fs.statSync(huge).size;
    example.replace(MESH, 'consumer: finance\n    role: cost_analyst', 'consumer: finanse\n    role: cost_analyst');
    expect(example.problems()).toEqual([
      { code: SOURCE_CODES.tooLarge, path: '', message: `${huge}: file is ${size} bytes, more than the ${MAX_SOURCE_BYTES} bytes lakemesh reads; split it or check that it is the right file` },
      {
        code: MESH_CODES.unknownConsumer,
        path: 'grants[6].consumer',
        message: 'unknown consumer "finanse"; did you mean "finance"?',
        location: example.at(MESH, 'finanse'),
      },
    ]);
  });

  test('a file of exactly the cap is read', () => {
    const dir = tempDir();
    const file = path.join(dir, 'mesh.yaml');
    const body = 'apiVersion: lakemesh/v1\n# ';
    fs.writeFileSync(file, `${body}${'x'.repeat(MAX_SOURCE_BYTES - body.length - 1)}\n`);
    expect(fs.statSync(file).size).toBe(MAX_SOURCE_BYTES);
    expect(readYamlSource(file).data).toEqual({ apiVersion: 'lakemesh/v1' });
  });
});

describe('alias bomb', () => {
  test('a "billion laughs" contract fails fast with a clear error', () => {
    const file = path.join(tempDir(), 'bomb.odcs.yaml');
    fs.writeFileSync(file, aliasBomb());
    let problems: readonly unknown[] = [];
    const elapsed = timed(() => (problems = problemsOf(() => loadContract(file))));
    expect(problems).toEqual([
      {
        code: SOURCE_CODES.syntax,
        path: '',
        message:
          'invalid YAML: excessive alias count indicates a resource exhaustion attack (aliases expand to more than lakemesh accepts; write the values out)',
        location: { file, line: 1, column: 1 },
      },
    ]);
    expect(elapsed).toBeLessThan(2000);
  });

  test('an alias bomb hidden in a contract listed by the example mesh fails the mesh the same way', () => {
    const example = new ExampleCopy();
    const contract = example.write('contracts/sales-orders.odcs.yaml', `${example.read('contracts/sales-orders.odcs.yaml')}x-bomb:\n${aliasBomb().replace(/^/gm, '  ')}`);
    expect(example.problems()).toEqual([
      {
        code: SOURCE_CODES.syntax,
        path: '',
        message:
          'invalid YAML: excessive alias count indicates a resource exhaustion attack (aliases expand to more than lakemesh accepts; write the values out)',
        location: { file: contract, line: 1, column: 1 },
      },
    ]);
  });

  test('a few legitimate anchors are accepted', () => {
    const file = path.join(tempDir(), 'anchors.yaml');
    fs.writeFileSync(file, 'base: &base {a: 1}\none: *base\ntwo: *base\n');
    expect(readYamlSource(file).data).toEqual({ base: { a: 1 }, one: { a: 1 }, two: { a: 1 } });
  });
});

describe('deep nesting', () => {
  const tooDeep = (file: string, line: number, column: number) => ({
    code: SOURCE_CODES.tooDeep,
    path: '',
    message: `the YAML nests deeper than ${MAX_NESTING_DEPTH} levels; lakemesh inputs need far fewer, check that this is the right file`,
    location: { file, line, column },
  });

  test('10,000 nested flow lists fail with a clear error, not a stack overflow', () => {
    const file = path.join(tempDir(), 'deep.odcs.yaml');
    fs.writeFileSync(file, `${CONTRACT_HEAD}x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    // The first list past the cap is the 64th `[`, after `x: `.
    expect(problemsOf(() => loadContract(file))).toEqual([tooDeep(file, 6, 4 + MAX_NESTING_DEPTH - 1)]);
  });

  test('10,000 nested flow mappings in mesh.yaml fail the same way', () => {
    const file = path.join(tempDir(), 'mesh.yaml');
    fs.writeFileSync(file, `apiVersion: lakemesh/v1\nname: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`);
    expect(problemsOf(() => loadMesh(file, { today: TODAY }))).toEqual([tooDeep(file, 2, 7 + 4 * (MAX_NESTING_DEPTH - 1))]);
  });

  test('nesting just over the cap fails even where the YAML parser itself would cope', () => {
    const file = path.join(tempDir(), 'deep.yaml');
    fs.writeFileSync(file, `x: ${'['.repeat(MAX_NESTING_DEPTH)}${']'.repeat(MAX_NESTING_DEPTH)}\n`);
    expect(problemsOf(() => readYamlSource(file))).toEqual([tooDeep(file, 1, 4 + MAX_NESTING_DEPTH - 1)]);
  });

  test('nesting built from aliases counts too', () => {
    const file = path.join(tempDir(), 'deep-aliases.yaml');
    const half = Math.ceil(MAX_NESTING_DEPTH / 2) + 1;
    fs.writeFileSync(file, `a: &a ${'['.repeat(half)}${']'.repeat(half)}\nb: ${'['.repeat(half)}*a${']'.repeat(half)}\n`);
    expect(problemsOf(() => readYamlSource(file))).toEqual([tooDeep(file, 1, 1)]);
  });

  test('an alias inside its own anchor fails clearly instead of overflowing the stack', () => {
    const file = path.join(tempDir(), 'circular.odcs.yaml');
    fs.writeFileSync(file, `${CONTRACT_HEAD}schema: &s\n  - name: t\n    properties: *s\n`);
    expect(problemsOf(() => loadContract(file))).toEqual([
      {
        code: SOURCE_CODES.circularAlias,
        path: '',
        message: 'an alias refers to the collection that holds it, which would make the data infinite; write the values out instead of the alias',
        location: { file, line: 1, column: 1 },
      },
    ]);
  });

  test('nesting up to the cap is read', () => {
    const file = path.join(tempDir(), 'nested.yaml');
    const depth = MAX_NESTING_DEPTH - 1; // the top-level mapping is one level
    fs.writeFileSync(file, `x: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    let expected: unknown = [];
    for (let level = 1; level < depth; level++) expected = [expected];
    expect(readYamlSource(file).data).toEqual({ x: expected });
  });
});

describe('paths that are not regular files', () => {
  const notAFile = (file: string) => ({
    code: SOURCE_CODES.unreadable,
    path: '',
    message: `${file}: not a regular file (a device, pipe or socket); expected a YAML or JSON file`,
  });

  test('--config /dev/zero (an endless device) fails at once instead of reading forever', () => {
    let problems: readonly unknown[] = [];
    const elapsed = timed(() => (problems = problemsOf(() => loadMesh('/dev/zero', { today: TODAY }))));
    expect(problems).toEqual([notAFile('/dev/zero')]);
    expect(elapsed).toBeLessThan(1000);
  });

  test('a named pipe nobody writes to fails at once instead of blocking', () => {
    const fifo = path.join(tempDir(), 'mesh.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(problemsOf(() => loadMesh(fifo, { today: TODAY }))).toEqual([notAFile(fifo)]);
  });

  test('a contract that is a symlink to a device is reported against that contract', () => {
    const example = new ExampleCopy();
    fs.rmSync(example.path('contracts/logistics-shipments.odcs.yaml'));
    fs.symlinkSync('/dev/urandom', example.path('contracts/logistics-shipments.odcs.yaml'));
    expect(example.problems()).toEqual([notAFile(example.path('contracts/logistics-shipments.odcs.yaml'))]);
  });
});
