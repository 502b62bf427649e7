/**
 * Commands that write files (`audit --output`, `lock`) never leave a half-written file: the content
 * goes to a temporary file that is renamed over the target, so a failure at any point leaves
 * either no file or the previous one, and no temporary file behind. (Read-only directories cannot
 * be used to provoke failures when the tests run as root, so failures come from a directory in
 * the target's place, a missing directory, and injected write errors.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { MeshApp } from '../../lib/app/mesh-app';
import { writeFileAtomic } from '../../lib/audit/write-output';
import { CliIo } from '../../lib/cli/io';
import { run } from '../../lib/cli/program';
import { LakemeshError } from '../../lib/errors';
import { ExampleCopy, MESH, tempDir, TODAY } from './hostile-fixture';

async function lakemesh(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), now: () => TODAY };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** Files in `dir` (recursively), so a test can show nothing else appeared. */
function listing(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('audit --output', () => {
  const example = new ExampleCopy();
  const cdkOut = path.join(example.dir, 'cdk.out');
  beforeAll(() => {
    const app = new App({ outdir: cdkOut });
    new MeshApp(app, 'Mesh', { mesh: example.load(), today: '2026-11-15' });
    app.synth();
  });

  test('writes the report when it can', async () => {
    const out = path.join(tempDir(), 'audit.json');
    const result = await lakemesh(['audit', '--cdk-out', cdkOut, '--format', 'json', '--output', out]);
    expect(result.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(expect.any(Object));
    expect(listing(path.dirname(out))).toEqual(['audit.json']);
  });

  test('into a directory that does not exist: exit 1, a clear error, no file', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'reports', 'audit.md');
    const result = await lakemesh(['audit', '--cdk-out', cdkOut, '--format', 'md', '--output', out]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `output: cannot write --output "${out}": directory "${path.join(dir, 'reports')}" does not exist; choose a writable file path [LM604]\n1 problem found\n`,
    });
    expect(listing(dir)).toEqual([]);
  });

  test('onto a directory: exit 1, the directory untouched, no temporary file left', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'audit.html');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'keep.txt'), 'keep');
    const result = await lakemesh(['audit', '--cdk-out', cdkOut, '--format', 'html', '--output', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`output: cannot write --output "${out}": it is a directory; choose a writable file path [LM604]\n1 problem found\n`);
    expect(listing(dir)).toEqual(['audit.html', path.join('audit.html', 'keep.txt')]);
  });

  test('when the audit fails before writing, the previous report stays as it was', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'audit.json');
    fs.writeFileSync(out, '{"previous": true}\n');
    const result = await lakemesh(['audit', '--cdk-out', path.join(dir, 'no-cdk-out'), '--format', 'json', '--output', out]);
    expect(result.code).toBe(1);
    expect(fs.readFileSync(out, 'utf8')).toBe('{"previous": true}\n');
    expect(listing(dir)).toEqual(['audit.json']);
  });
});

describe('writeFileAtomic when the write fails part way', () => {
  function failingAfterHalf(error: NodeJS.ErrnoException) {
    return {
      writeFileSync: (file: string, content: string) => {
        fs.writeFileSync(file, content.slice(0, content.length / 2));
        throw error;
      },
      renameSync: fs.renameSync,
      rmSync: fs.rmSync,
    };
  }

  test('a disk that fills up half way leaves the previous file and no half-written one', () => {
    const dir = tempDir();
    const out = path.join(dir, 'audit.md');
    fs.writeFileSync(out, 'previous report\n');
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(() => writeFileAtomic(out, 'x'.repeat(10_000), failingAfterHalf(full))).toThrow(LakemeshError);
    expect(fs.readFileSync(out, 'utf8')).toBe('previous report\n');
    expect(listing(dir)).toEqual(['audit.md']);
  });

  test('a rename that fails leaves no new file and removes the temporary one', () => {
    const dir = tempDir();
    const out = path.join(dir, 'audit.md');
    const operations = {
      writeFileSync: (file: string, content: string, options: fs.WriteFileOptions) => fs.writeFileSync(file, content, options),
      renameSync: () => {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), { code: 'EXDEV' });
      },
      rmSync: fs.rmSync,
    };
    expect(() => writeFileAtomic(out, 'report', operations)).toThrow('cannot write --output');
    expect(listing(dir)).toEqual([]);
  });
});

describe('lock', () => {
  test('on an invalid mesh: exit 1 and no lock file', async () => {
    const example = new ExampleCopy().replace(MESH, 'consumer: finance\n    role: cost_analyst', 'consumer: finanse\n    role: cost_analyst');
    const before = listing(example.dir);
    const result = await lakemesh(['lock', '--config', example.path()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown consumer "finanse"; did you mean "finance"\? \[LM224\]\n1 problem found\n$/);
    expect(listing(example.dir)).toEqual(before);
  });

  test('when a directory is where the lock file goes: exit 1, the directory untouched, no temporary file left', async () => {
    const example = new ExampleCopy();
    const lockPath = example.path('mesh.lock.json');
    fs.mkdirSync(lockPath);
    fs.writeFileSync(path.join(lockPath, 'keep.txt'), 'keep');
    const before = listing(example.dir);
    const result = await lakemesh(['lock', '--config', example.path()]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `${lockPath}: cannot read the contract lock (it is not a regular file); restore it from version control, or delete it and run \`lakemesh lock\` [LM521]\n1 problem found\n`,
    });
    expect(listing(example.dir)).toEqual(before);
  });
});
