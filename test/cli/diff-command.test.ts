/** `lakemesh diff OLD NEW`, run in-process on contract files written to a temp dir. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BLOCKED_EXIT_CODE, DEFAULT_DIFF_FORMAT } from '../../lib/cli/diff-command';
import { EXIT_CODES } from '../../lib/cli/io';
import { PACKAGE_ROOT } from '../../lib/cli/package-root';
import { runCli } from './cli-harness';

const EXAMPLE = path.join(PACKAGE_ROOT, 'examples', 'retail', 'contracts', 'sales-orders.odcs.yaml');
const ORIGINAL = fs.readFileSync(EXAMPLE, 'utf8');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-diff-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `text` to `name` in the temp dir and returns its path. */
function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** The example contract with each [from, to] replacement applied (each must match). */
function edited(...replacements: [string, string][]): string {
  return replacements.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`test edit does not match: ${from}`);
    return text.replace(from, to);
  }, ORIGINAL);
}

const TYPE_TO_STRING: [string, string] = ['physicalType: decimal(12,2)\n        description: Order value before', 'physicalType: string\n        description: Order value before'];
const STORE_REMOVED: [string, string] = ['validValues: [web, app, store]', 'validValues: [web, app]'];
const NEW_COLUMN: [string, string] = ['      - name: order_date\n', '      - name: note\n        logicalType: string\n        physicalType: string\n      - name: order_date\n'];

describe('lakemesh diff', () => {
  test('prints breaking changes and a blocked verdict, and exits 1 without a major bump', async () => {
    const old = write('old.odcs.yaml', ORIGINAL);
    const next = write('new.odcs.yaml', edited(['version: 2.1.0', 'version: 2.2.0'], TYPE_TO_STRING, STORE_REMOVED, NEW_COLUMN));
    expect(await runCli(['diff', old, next])).toEqual({
      code: BLOCKED_EXIT_CODE,
      stdout: [
        'BREAKING  orders.channel: allowed values narrowed from ["web", "app", "store"] to ["web", "app"] (removed ["store"])',
        'BREAKING  orders.gross_amount: type changed from decimal(12,2) to string',
        '',
        'INFO      orders.note: column added (string)',
        '',
        'sales.orders 2.1.0 → 2.2.0: 2 breaking, 0 warnings, 1 info — blocked: breaking changes need a new major version (3.0.0)',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(BLOCKED_EXIT_CODE).toBe(1);
  });

  test('exits 0 when the same breaking changes come with a major bump', async () => {
    const old = write('old.odcs.yaml', ORIGINAL);
    const next = write('new.odcs.yaml', edited(['version: 2.1.0', 'version: 3.0.0'], TYPE_TO_STRING));
    const result = await runCli(['diff', old, next]);
    expect(result.code).toBe(EXIT_CODES.ok);
    expect(result.stdout).toContain('sales.orders 2.1.0 → 3.0.0: 1 breaking, 0 warnings, 0 info — allowed: breaking changes come with the new major version 3.0.0\n');
  });

  test('exits 0 for compatible changes', async () => {
    const old = write('old.odcs.yaml', ORIGINAL);
    const next = write('new.odcs.yaml', edited(['version: 2.1.0', 'version: 2.2.0'], NEW_COLUMN));
    expect(await runCli(['diff', old, next])).toEqual({
      code: 0,
      stdout: 'INFO      orders.note: column added (string)\n\nsales.orders 2.1.0 → 2.2.0: 0 breaking, 0 warnings, 1 info — compatible\n',
      stderr: '',
    });
  });

  test('exits 0 and says so for the same contract twice', async () => {
    expect(await runCli(['diff', EXAMPLE, EXAMPLE])).toEqual({ code: 0, stdout: 'sales.orders 2.1.0 → 2.1.0: no changes\n', stderr: '' });
  });

  test('--format json prints the documented document', async () => {
    const old = write('old.odcs.yaml', ORIGINAL);
    const next = write('new.odcs.yaml', edited(['version: 2.1.0', 'version: 2.2.0'], TYPE_TO_STRING));
    const result = await runCli(['diff', old, next, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      old: { file: old, version: '2.1.0' },
      new: { file: next, version: '2.2.0' },
      majorBumped: false,
      breaking: true,
      blocked: true,
      changes: [{ severity: 'breaking', code: 'column-type-changed', path: 'orders.gross_amount', message: 'type changed from decimal(12,2) to string' }],
    });
  });

  test('-f is the short form of --format, and text is the default', async () => {
    expect(DEFAULT_DIFF_FORMAT).toBe('text');
    const result = await runCli(['diff', EXAMPLE, EXAMPLE, '-f', 'json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ changes: [], blocked: false });
  });

  test('refuses an unknown format with the usage exit code', async () => {
    const result = await runCli(['diff', EXAMPLE, EXAMPLE, '--format', 'xml']);
    expect(result).toEqual({
      code: EXIT_CODES.usage,
      stdout: '',
      stderr: "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json.\n(run lakemesh --help for usage)\n",
    });
  });

  test('needs both files', async () => {
    const result = await runCli(['diff', EXAMPLE]);
    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toBe("error: missing required argument 'new'\n(run lakemesh --help for usage)\n");
  });

  test('reports the problems of both invalid files at once, the old file first, and exits 1', async () => {
    const old = write('a-old.odcs.yaml', edited(['kind: DataContract', 'kind: DataContrakt']));
    const missing = path.join(dir, 'missing.odcs.yaml');
    const result = await runCli(['diff', old, missing]);
    expect(result).toEqual({
      code: EXIT_CODES.invalid,
      stdout: '',
      stderr: [
        `${old}:3:7: kind: kind must be "DataContract", got "DataContrakt" [LM103]`,
        `${missing}: cannot read the file (file not found) [LM001]`,
        '2 problems found',
        '',
      ].join('\n'),
    });
  });

  test('reports a version that is not semver with its code, and exits 1', async () => {
    const old = write('old.odcs.yaml', edited(['version: 2.1.0', 'version: "2.1"']));
    const result = await runCli(['diff', old, EXAMPLE]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${old}:2:1: version: version "2.1" of contract "7f3c1e2a-5b4d-4c8e-9a61-0d2f8b7c4e10" is not a semantic version; write MAJOR.MINOR.PATCH, e.g. "1.2.0" ` +
        '(a leading v and a pre-release such as "2.0.0-rc.1" are allowed), so that breaking changes can be checked against the major version [LM500]\n1 problem found\n',
    );
  });

  test('is listed in --help', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/diff \[options\] <old> <new>\s+classify changes between two contract versions\n/);
  });
});
