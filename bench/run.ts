/**
 * `npm run bench`: synthesizes synthetic meshes of sizes S, M and L the way `cdk synth` does, next
 * to the CDK floor (the same resources as bare `CfnResource`s), prints a table and the scale
 * targets, and writes bench/results.json. See docs/bench.md.
 *
 * Options: --sizes S,M,L  --seed N  --timeout SECONDS (per child, default 600)  --keep (keep the
 * temp folders)  --nag-only (skip the extra run without compliance packs)  --lift-resource-limit
 * (turn off the CDK's 500-resources-per-stack check to get figures of an unsharded mesh)
 * --no-cfn-validation (as `cdk synth --no-validation`: skip aws-cdk-lib's template validation in
 * lakemesh and the floor alike)  --repeat N (rounds of lakemesh and floor per size; medians)
 * --out FILE  --check (exit 1 when a target fails; otherwise the exit code is 0 unless the
 * harness itself crashed).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { benchSize, SizeResult } from './bench-size';
import { DEFAULT_SEED } from './generate-mesh';
import { buildResults, RunSettings, sizeTable, targetTable, writeResults } from './report';
import { DEFAULT_SIZES, parseSizes } from './sizes';
import { checkTargets } from './targets';

const DEFAULT_TIMEOUT_SECONDS = 600;
const DEFAULT_RESULTS_FILE = path.join(__dirname, 'results.json');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: DEFAULT_SIZES.join(',') },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_SECONDS) },
      keep: { type: 'boolean', default: false },
      'nag-only': { type: 'boolean', default: false },
      'lift-resource-limit': { type: 'boolean', default: false },
      'no-cfn-validation': { type: 'boolean', default: false },
      repeat: { type: 'string', default: '1' },
      out: { type: 'string', default: DEFAULT_RESULTS_FILE },
      check: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const sizes = parseSizes(values.sizes);
  const settings: RunSettings = {
    seed: wholeNumber(values.seed, '--seed'),
    sizes: sizes.map((size) => size.name),
    timeoutSeconds: wholeNumber(values.timeout, '--timeout'),
    withoutNag: !values['nag-only'],
    liftResourceLimit: values['lift-resource-limit'],
    cfnValidation: !values['no-cfn-validation'],
    repeat: wholeNumber(values.repeat, '--repeat'),
  };

  const results: SizeResult[] = [];
  for (const size of sizes) {
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `lakemesh-bench-${size.name}-`));
    try {
      results.push(
        await benchSize(size, workDir, { ...settings, timeoutMs: settings.timeoutSeconds * 1000 }, (line) => process.stderr.write(`${line}\n`)),
      );
    } finally {
      if (!values.keep) fs.rmSync(workDir, { recursive: true, force: true });
    }
    if (values.keep) process.stderr.write(`${size.name}: kept ${workDir}\n`);
  }

  const targets = checkTargets(results);
  writeResults(values.out, buildResults(settings, results, targets, values.keep));
  process.stdout.write(`${sizeTable(results)}\n\n${targetTable(targets)}\n\nresults: ${path.relative(process.cwd(), values.out) || values.out}\n`);
  return values.check && targets.some((target) => target.status === 'FAIL') ? 1 : 0;
}

function wholeNumber(value: string, option: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${option} must be a whole number of at least 1, got ${JSON.stringify(value)}`);
  return number;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
