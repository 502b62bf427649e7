/** The benchmark's outputs: a table on stdout and `bench/results.json`. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Table from 'cli-table3';
import { SizeResult, SynthFigures } from './bench-size';
import { TargetResult } from './targets';

export interface RunSettings {
  readonly seed: number;
  readonly sizes: readonly string[];
  readonly timeoutSeconds: number;
  readonly withoutNag: boolean;
  readonly liftResourceLimit: boolean;
  readonly cfnValidation: boolean;
  /** Rounds per size (`--repeat`); figures are medians when more than one. */
  readonly repeat: number;
}

export interface BenchResults {
  readonly timestamp: string;
  readonly machine: MachineInfo;
  readonly settings: RunSettings;
  readonly sizes: readonly Omit<SizeResult, 'workDir'>[];
  readonly targets: readonly TargetResult[];
}

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly totalMemoryMb: number;
  readonly platform: string;
  readonly node: string;
  readonly awsCdkLib: string;
  /** The commit measured (the working tree may differ from it). */
  readonly commit?: string;
}

export function machineInfo(): MachineInfo {
  const root = path.join(__dirname, '..');
  let commit: string | undefined;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    commit = undefined; // not a git checkout: the figure is optional
  }
  const cdkPackage = JSON.parse(fs.readFileSync(require.resolve('aws-cdk-lib/package.json'), 'utf8')) as { version: string };
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryMb: Math.round(os.totalmem() / 1024 / 1024),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    awsCdkLib: cdkPackage.version,
    ...(commit ? { commit } : {}),
  };
}

export function buildResults(settings: RunSettings, sizes: readonly SizeResult[], targets: readonly TargetResult[], keepWorkDirs: boolean): BenchResults {
  return {
    timestamp: new Date().toISOString(),
    machine: machineInfo(),
    settings,
    sizes: sizes.map(({ workDir, ...rest }) => (keepWorkDirs ? { ...rest, workDir } : rest)),
    targets,
  };
}

export function writeResults(file: string, results: BenchResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, undefined, 2)}\n`);
}

export function sizeTable(results: readonly SizeResult[]): string {
  const table = new Table({
    head: ['size', 'domains/products/grants', 'stacks', 'largest stack (resources / KB)', 'resources', 'LF chain (stack / mesh)', 'lakemesh s', 'no-nag s', 'floor s', 'ratio', 're-synth s', 'peak RSS MB', 'synth'],
    style: { head: [], border: [] },
  });
  for (const result of results) {
    const { size, assembly } = result;
    table.push([
      size.name,
      `${size.domains}/${size.products}/${size.grants}`,
      assembly ? String(assembly.stacks) : '–',
      assembly ? `${assembly.largestByResources.resources} / ${Math.round(assembly.largestByBytes.templateBytes / 1024)}` : '–',
      assembly ? String(assembly.totalResources) : '–',
      assembly ? `${assembly.lakeFormationChainInStack} / ${assembly.lakeFormationChain}` : '–',
      seconds(result.app),
      result.withoutNag ? seconds(result.withoutNag) : '–',
      result.floor ? seconds(result.floor) : '–',
      result.ratio === undefined ? '–' : `${result.ratio.toFixed(2)}×${result.ratioWithoutNag === undefined ? '' : ` (${result.ratioWithoutNag.toFixed(2)}×)`}`,
      result.resynth ? seconds(result.resynth) : '–',
      result.app.peakRssMb === undefined ? '–' : String(Math.round(result.app.peakRssMb)),
      result.app.ok ? 'ok' : `FAIL: ${truncate(result.app.error ?? 'failed', 80)}`,
    ]);
  }
  return table.toString();
}

export function targetTable(targets: readonly TargetResult[]): string {
  const table = new Table({ head: ['target', 'result', 'measured'], style: { head: [], border: [] } });
  for (const target of targets) table.push([target.description, target.status, target.detail]);
  return table.toString();
}

function seconds(figures: SynthFigures): string {
  if (figures.wallSeconds === undefined) return '–';
  const rounds = figures.roundSeconds ?? [];
  return rounds.length > 1 ? `${figures.wallSeconds.toFixed(1)} (median of ${rounds.length})` : figures.wallSeconds.toFixed(1);
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
