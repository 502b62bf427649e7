import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CDK_OUT } from '../../lib/cli/audit-command';
import { columnsResource, FIXTURES, glueDatabase, grant, grantMetadata, manifest, writeAssembly } from '../audit/template-builders';
import { runCli } from './cli-harness';

const CENTRAL = path.join(FIXTURES, 'central');
const HINT = 'run `npx cdk synth` first, or point --cdk-out at the synthesized cloud assembly';
const BIN = path.join(__dirname, '..', '..', 'bin', 'lakemesh.js');
/** The central fixture's marketing grant expires on 2026-12-10: 20 days after this. */
const now = () => new Date('2026-11-20T08:00:00Z');

/** An assembly with one stack holding `resources`. */
function assemblyWith(resources: Record<string, unknown>): string {
  return writeAssembly({
    'manifest.json': manifest({ Governance: { templateFile: 'Governance.template.json', stackName: 'retail-governance' } }),
    'Governance.template.json': { Resources: { Db: glueDatabase(), ...resources } },
  });
}

function freshDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-audit-cli-'));
}

describe('lakemesh audit', () => {
  test('prints the access matrix as a table by default and exits 0 when nothing is an error', async () => {
    const result = await runCli(['audit', '--cdk-out', CENTRAL], { now });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('│ Product      │ Table   │ Principal');
    expect(result.stdout).toContain('warning LMA02 retail-governance/GrantMarketingOrdersFilter:');
    expect(result.stdout.endsWith('5 rows from 3 stacks: 0 errors, 2 warnings, 1 info\n')).toBe(true);
    expect(result.stderr).toBe('');
  });

  test('prints JSON on stdout and the summary on stderr', async () => {
    const result = await runCli(['audit', '--cdk-out', CENTRAL, '--format', 'json'], { now });
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.rows).toHaveLength(5);
    expect(document.findings.map((finding: { code: string }) => finding.code)).toEqual(['LMA02', 'LMA02', 'LMA04']);
    expect(result.stderr).toBe('5 rows from 3 stacks: 0 errors, 2 warnings, 1 info\n');
  });

  test.each([
    ['md', '# lakemesh access matrix\n'],
    ['html', '<!DOCTYPE html>\n'],
  ])('prints the %s format', async (format, start) => {
    const result = await runCli(['audit', '-d', CENTRAL, '-f', format], { now });
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(start)).toBe(true);
  });

  test('judges expiry by the clock it is given', async () => {
    const later = await runCli(['audit', '--cdk-out', CENTRAL, '--format', 'json'], { now: () => new Date('2026-12-11T00:00:00Z') });
    expect(later.code).toBe(1);
    expect(later.stderr).toBe('5 rows from 3 stacks: 2 errors, 0 warnings, 1 info\n');
  });

  test('exits 1 when a finding is an error', async () => {
    const directory = assemblyWith({ Grant: grant({ principal: '*', resource: columnsResource('orders', ['order_id']), metadata: grantMetadata() }) });
    const result = await runCli(['audit', '--cdk-out', directory], { now });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error LMA07 retail-governance/Grant: grant of SELECT on table sales_orders.orders to "*" reaches everyone ("*")');
  });

  test('writes the report to --output and says so on stderr', async () => {
    const file = path.join(freshDirectory(), 'audit.json');
    const result = await runCli(['audit', '--cdk-out', CENTRAL, '--format', 'json', '--output', file], { now });
    const printed = await runCli(['audit', '--cdk-out', CENTRAL, '--format', 'json'], { now });
    expect(result).toEqual({
      code: 0,
      stdout: '',
      stderr: `wrote json audit to ${file}: 5 rows from 3 stacks: 0 errors, 2 warnings, 1 info\n`,
    });
    expect(fs.readFileSync(file, 'utf8')).toBe(printed.stdout);
  });

  test('still writes the report, and exits 1, when a finding is an error', async () => {
    const directory = assemblyWith({ Grant: grant({ resource: columnsResource('orders', ['order_id']) }) });
    const file = path.join(freshDirectory(), 'audit.html');
    const result = await runCli(['audit', '--cdk-out', directory, '--format', 'html', '--output', file], { now });
    expect(result.code).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toContain('LMA05');
  });

  test('fails without writing anything when --output cannot be written', async () => {
    const directory = freshDirectory();
    const file = path.join(directory, 'missing', 'audit.md');
    const result = await runCli(['audit', '--cdk-out', CENTRAL, '--format', 'md', '--output', file], { now });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `output: cannot write --output "${file}": directory "${path.dirname(file)}" does not exist; choose a writable file path [LM604]\n1 problem found\n`,
    });
    expect(fs.readdirSync(directory)).toEqual([]);
  });

  test('fails with a hint to synthesize when there is no cloud assembly', async () => {
    const missing = path.join(freshDirectory(), 'cdk.out');
    expect(await runCli(['audit', '--cdk-out', missing], { now })).toEqual({
      code: 1,
      stdout: '',
      stderr: `cloud assembly directory "${missing}" does not exist; ${HINT} [LM600]\n1 problem found\n`,
    });
  });

  test('fails when the assembly holds no stacks', async () => {
    const directory = writeAssembly({ 'manifest.json': manifest({}) });
    const result = await runCli(['audit', '--cdk-out', directory], { now });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`cloud assembly "${directory}" holds no stack templates; ${HINT} [LM602]\n1 problem found\n`);
  });

  test('refuses an unknown format with a usage error', async () => {
    const result = await runCli(['audit', '--cdk-out', CENTRAL, '--format', 'xml'], { now });
    expect(result.code).toBe(64);
    expect(result.stderr).toContain("error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are table, md, json, html.");
  });

  test('documents its options in --help', async () => {
    const result = await runCli(['audit', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: lakemesh audit [options]');
    expect(result.stdout).toMatch(/-d, --cdk-out <dir>\s+the synthesized cloud assembly \(default: cdk\.out\)/);
    expect(result.stdout).toMatch(/-f, --format <format>\s+output format \(default: table\)/);
    expect(result.stdout).toMatch(/-o, --output <file>/);
  });
});

describe('lakemesh audit from bin/lakemesh.js', () => {
  test(`reads ./${DEFAULT_CDK_OUT} of the working directory by default`, () => {
    const directory = freshDirectory();
    const missing = spawnSync(process.execPath, [BIN, 'audit'], { cwd: directory, encoding: 'utf8', timeout: 60_000 });
    expect({ code: missing.status, stderr: missing.stderr }).toEqual({
      code: 1,
      stderr: `cloud assembly directory "cdk.out" does not exist; ${HINT} [LM600]\n1 problem found\n`,
    });
    fs.cpSync(CENTRAL, path.join(directory, 'cdk.out'), { recursive: true });
    const found = spawnSync(process.execPath, [BIN, 'audit', '--format', 'json'], { cwd: directory, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(found.stdout).rows).toHaveLength(5);
  });
});
