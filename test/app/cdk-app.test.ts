/**
 * The CDK entry point `bin/app.ts`, run the way `npx cdk synth` runs it (cdk.json's `app` command,
 * with the context the CLI passes in `CDK_CONTEXT_JSON` and the output directory in `CDK_OUTDIR`):
 * the embedded example synthesizes, compliance packs and template validation included; a broken
 * mesh named with `-c lakemesh:config=PATH` fails with the problems `lakemesh validate` prints, and
 * without a stack trace.
 *
 * Subprocesses are slow (seconds each), so there are two; the rest runs in-process.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { MeshApp } from '../../lib/app/mesh-app';
import { formatProblem, LakemeshError } from '../../lib/errors';
import { loadLockedMesh } from '../../lib/lock/load-locked-mesh';
import { runCli } from '../cli/cli-harness';
import { REPOSITORY_ROOT, replaceOnce, temporaryDirectory, unchanged, writeExampleVariant } from '../support/mesh-app-fixture';

const SUBPROCESS_TIMEOUT_MS = 240_000;
const TSX_CLI = path.join(REPOSITORY_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
/** `file:line:column: path: message [LMnnn]` */
const PROBLEM_LINE = /^\S+:\d+:\d+: .+ \[LM\d{3}\]$/;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The context `cdk synth` passes: cdk.json's context plus the `-c` options. */
function cliContext(extra: Record<string, unknown>): string {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, 'cdk.json'), 'utf8')) as { app: string; context: Record<string, unknown> };
  return JSON.stringify({ ...cdkJson.context, ...extra });
}

/** Runs `bin/app.ts` as cdk.json's `app` command does, with `context` and an output directory. */
function runApp(context: Record<string, unknown>, outdir: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: cliContext(context) };
  // The jest setup turns template validation off for speed; `cdk synth` runs with it.
  delete env.CDK_VALIDATION;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX_CLI, 'bin/app.ts'], { cwd: REPOSITORY_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function templateFiles(outdir: string): string[] {
  return fs.existsSync(outdir) ? fs.readdirSync(outdir).filter((file) => file.endsWith('.template.json')).sort() : [];
}

/** A copy of the example with two unknown consumers and a misspelt role in its grants. */
function brokenExample(): string {
  return writeExampleVariant((text) =>
    replaceOnce(
      replaceOnce(text, 'consumer: finance\n    role: reader', 'consumer: financ\n    role: reader'),
      'role: segmentation',
      'role: segmentaton',
    ),
  );
}

describe('bin/app.ts (the CDK app)', () => {
  test(
    'synthesizes the embedded example with the compliance packs and template validation on: exit 0, six templates',
    async () => {
      const outdir = temporaryDirectory('lakemesh-cdk-app-');
      const run = await runApp({}, outdir);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
      expect(templateFiles(outdir)).toHaveLength(6);
      // A small mesh keeps its construct tree for IDE tooling (lib/app/tree-metadata.ts).
      expect(fs.existsSync(path.join(outdir, 'tree.json'))).toBe(true);
      const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as { artifacts: Record<string, { properties?: { stackName?: string } }> };
      const stackNames = Object.values(manifest.artifacts)
        .map((artifact) => artifact.properties?.stackName)
        .filter((name): name is string => name !== undefined)
        .sort();
      expect(stackNames).toEqual([
        'retail-consumer-finance',
        'retail-consumer-marketing',
        'retail-domain-customers',
        'retail-domain-logistics',
        'retail-domain-sales',
        'retail-governance',
      ]);
    },
    SUBPROCESS_TIMEOUT_MS,
  );

  test(
    'fails on a broken mesh given with -c lakemesh:config: exit 1, the problems `lakemesh validate` prints, no stack trace, no template',
    async () => {
      const meshFile = brokenExample();
      const outdir = temporaryDirectory('lakemesh-cdk-app-');
      const run = await runApp({ 'lakemesh:config': meshFile }, outdir);
      const lines = run.stderr.trimEnd().split('\n');
      expect(run.code).toBe(1);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(lines.at(-1)).toBe(`lakemesh: ${lines.length - 1} problem(s) found; nothing was synthesized`);
      const problemLines = lines.slice(0, -1);
      for (const line of problemLines) expect(line).toMatch(PROBLEM_LINE);
      expect(problemLines.filter((line) => line.startsWith(`${meshFile}:`) && / grants\[\d\]\.consumer: unknown consumer "financ"; did you mean "finance"\? \[LM224\]$/.test(line))).toHaveLength(1);
      expect(problemLines.filter((line) => / grants\[\d\]\.role: role "segmentaton" is not a role of the customers\.profiles contract .*did you mean "segmentation"\? \[LM225\]$/.test(line))).toHaveLength(1);
      expect(templateFiles(outdir)).toEqual([]);

      const validate = await runCli(['validate', '--config', meshFile]);
      expect(validate.code).toBe(1);
      expect(validate.stderr.trimEnd().split('\n').slice(0, -1)).toEqual(problemLines);
    },
    SUBPROCESS_TIMEOUT_MS,
  );

  test('a problem only the grants find when the app is built (a row filter on an array column) is reported by `lakemesh validate` too', async () => {
    const meshFile = writeExampleVariant(unchanged, {
      'logistics-shipments.odcs.yaml': (text) =>
        replaceOnce(text, '        value: [destination]\n', '        value: [destination]\n      - property: lakemesh.rowFilter\n        value: "cardinality(packages) > 0"\n'),
    });

    let synthProblems: string[] = [];
    try {
      new MeshApp(new App(), 'Mesh', { mesh: loadLockedMesh(meshFile).mesh, today: '2026-12-01' });
    } catch (error) {
      if (!(error instanceof LakemeshError)) throw error;
      synthProblems = error.problems.map(formatProblem);
    }
    expect(synthProblems).toEqual([expect.stringMatching(/logistics-shipments\.odcs\.yaml:\d+:\d+: .*references column "packages" of type array<.*\[LM387\]$/)]);

    const validate = await runCli(['validate', '--config', meshFile]);
    expect({ code: validate.code, problems: validate.stderr.trimEnd().split('\n').slice(0, -1) }).toEqual({ code: 1, problems: synthProblems });
  });
});
