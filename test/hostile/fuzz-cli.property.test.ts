/**
 * Property: the CLI, run in-process on fuzzed files and fuzzed command lines, exits 0, 1 or 64 only,
 * never prints a stack trace or an internal error, prints each problem on one line ending in its
 * code, and prints no control characters that could rewrite a terminal or a CI log.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { CliIo } from '../../lib/cli/io';
import { run } from '../../lib/cli/program';
import { mutation, writeMutatedExample } from './example-mutations';
import { CONTRACT_HEADER, MESH_HEADER, randomBytes, withHeader, yamlishText } from './fuzz-arbitraries';
import { ExampleCopy, tempDir, TODAY } from './hostile-fixture';

const SEED = 20261115;

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function lakemesh(argv: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), now: () => TODAY };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** Everything wrong with how the CLI reported, `[]` when it behaved. */
function outputDefects(result: CliResult, allowedCodes: readonly number[] = [0, 1], argv: readonly string[] = []): string[] {
  const defects: string[] = [];
  const output = `${result.stdout}${result.stderr}`;
  if (!allowedCodes.includes(result.code)) defects.push(`exit code ${result.code}`);
  if (/^\s+at /m.test(output)) defects.push('a stack trace');
  if (/internal error/i.test(output)) defects.push(`an internal error: ${result.stderr.split('\n').find((line) => /internal error/i.test(line))}`);
  // Tabs and newlines are layout the CLI itself writes; anything else came from a file. (commander
  // echoes a mistyped argument as typed: what the user's own shell passed is theirs to see.)
  const unprintable = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
  if (unprintable.test(output) && !argv.some((arg) => unprintable.test(arg))) defects.push(`a control character in ${JSON.stringify(output.slice(0, 300))}`);
  if (result.code === 1 && result.stderr.includes('problem')) {
    const lines = result.stderr.trimEnd().split('\n');
    const count = /^(\d+) problems? found$/.exec(lines[lines.length - 1]);
    if (!count) defects.push(`no count line at the end: ${JSON.stringify(lines[lines.length - 1])}`);
    const problemLines = lines.filter((line) => / \[LM\d{3}\]$/.test(line));
    if (count && problemLines.length < Number(count[1])) defects.push(`${count[1]} problems counted, ${problemLines.length} lines end in a code: ${JSON.stringify(result.stderr.slice(0, 400))}`);
  }
  return defects;
}

const dir = tempDir('lakemesh-cli-fuzz-');
const meshFile = path.join(dir, 'mesh.yaml');

describe('lakemesh validate --config <fuzzed file>', () => {
  test('on random bytes, YAML-ish text and mesh-shaped documents', async () => {
    const content = fc.oneof(randomBytes, yamlishText, withHeader(MESH_HEADER).map((document) => JSON.stringify(document)));
    await fc.assert(
      fc.asyncProperty(content, async (text) => {
        fs.writeFileSync(meshFile, text);
        expect(outputDefects(await lakemesh(['validate', '--config', meshFile]))).toEqual([]);
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  test('on the retail example with one to three random mutations', async () => {
    const example = new ExampleCopy();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        writeMutatedExample(example.dir, mutations);
        expect(outputDefects(await lakemesh(['validate', '--config', example.path()]))).toEqual([]);
      }),
      { numRuns: 25, seed: SEED },
    );
  });

  test('keys and values with terminal escapes, bidi overrides and line breaks are printed escaped, one problem per line', async () => {
    fs.writeFileSync(meshFile, 'apiVersion: lakemesh/v1\n"\\e[2J\\e[31mred\\u202eevil\\nline": 1\n');
    const result = await lakemesh(['validate', '--config', meshFile]);
    expect(outputDefects(result)).toEqual([]);
    expect(result.stderr).toContain(`${meshFile}:2:1: \\u001b[2J\\u001b[31mred\\u202eevil\\u000aline: unknown key "\\u001b[2J\\u001b[31mred\\u202eevil\\u000aline" [LM010]\n`);
  });
});

describe('lakemesh diff <fuzzed> <fuzzed>', () => {
  test('on contract-shaped documents and YAML-ish text', async () => {
    const oldFile = path.join(dir, 'old.odcs.yaml');
    const newFile = path.join(dir, 'new.odcs.yaml');
    const content = fc.oneof(yamlishText, withHeader(CONTRACT_HEADER).map((document) => JSON.stringify(document)));
    await fc.assert(
      fc.asyncProperty(content, content, async (before, after) => {
        fs.writeFileSync(oldFile, before);
        fs.writeFileSync(newFile, after);
        expect(outputDefects(await lakemesh(['diff', oldFile, newFile]))).toEqual([]);
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});

describe('fuzzed command lines', () => {
  // Commands that only read: lock writes beside the mesh and drift calls AWS, so they are not fuzzed here.
  const files = [meshFile, path.join(dir, 'missing.yaml'), dir, '/dev/null', ''];
  const word = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('validate', 'diff', 'audit', 'help', '--config', '-c', '--format', '-f', 'json', 'html', 'md', 'table', 'text', '--cdk-out', '--help', '-h', '--version', '-V', '--', '-', '--unknown', '-x') },
    { weight: 2, arbitrary: fc.constantFrom(...files) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
  );

  test('exit 0, 1 or 64 and never a stack trace', async () => {
    fs.writeFileSync(meshFile, 'apiVersion: lakemesh/v1\n');
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 6 }), async (argv) => {
        expect(outputDefects(await lakemesh(argv), [0, 1, 64], argv)).toEqual([]);
      }),
      { numRuns: 150, seed: SEED },
    );
  });
});
