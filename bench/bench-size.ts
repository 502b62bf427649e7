/**
 * Benchmarks one mesh size: generates the mesh, synthesizes it in child processes (as `cdk synth`
 * does, and without the compliance packs), reads the cloud assembly, then synthesizes the CDK floor
 * planned from that assembly. A failing step becomes a failed figure, never an exception.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FloorPlanBuilder } from './floor-plan';
import { buildMeshFiles, writeMeshFiles } from './generate-mesh';
import { firstLine } from './measure';
import { readAssembly, AssemblyStats } from './read-assembly';
import { ChildRun, runChild } from './run-child';
import { validationSummary } from './validation-report';
import { VALIDATION_CACHE_ENV } from '../lib/app/validation-cache';
import { resynthAfterEdit } from './edit-mesh';
import { combineRounds, pairRatio, Round } from './rounds';
import { MeshSize } from './sizes';

export interface BenchOptions {
  readonly seed: number;
  /** Kill a child that runs longer. */
  readonly timeoutMs: number;
  /** Also synthesize without the compliance packs. */
  readonly withoutNag: boolean;
  readonly liftResourceLimit: boolean;
  /**
   * Run aws-cdk-lib's built-in CloudFormation template validation (on in `cdk synth`; off with
   * `CDK_VALIDATION=false` or `cdk synth --no-validation`), in both lakemesh and the floor.
   */
  readonly cfnValidation: boolean;
  /**
   * Rounds of lakemesh and floor synths (the first in that order, then alternating which goes
   * first); figures are the medians (bench/rounds.ts).
   */
  readonly repeat: number;
}

/** One synth (lakemesh or floor), as reported. */
export interface SynthFigures {
  /** Synthesized, and neither the CDK's validation nor a compliance pack reported errors. */
  readonly ok: boolean;
  /** Timed phases inside the child (module loading excluded), seconds. */
  readonly wallSeconds?: number;
  readonly phases?: Readonly<Record<string, number>>;
  readonly peakRssMb?: number;
  /** Spawn to exit, seconds. */
  readonly processSeconds: number;
  /**
   * The synth ran to its end and wrote a cloud assembly (possibly with validation errors): its
   * time is comparable with the floor's.
   */
  readonly completed: boolean;
  /** First line of what went wrong. */
  readonly error?: string;
  /** With `--repeat`: the wall time of every round that ran to its end; `wallSeconds` is their median. */
  readonly roundSeconds?: readonly number[];
}

export interface StackFigures {
  readonly stackName: string;
  readonly resources: number;
  readonly templateBytes: number;
  readonly lakeFormationWrites: number;
  readonly lakeFormationChain: number;
}

export interface AssemblyFigures {
  readonly stacks: number;
  readonly totalResources: number;
  readonly largestByResources: AssemblyStats['largestByResources'];
  readonly largestByBytes: AssemblyStats['largestByBytes'];
  readonly lakeFormationWrites: number;
  readonly lakeFormationChainInStack: number;
  readonly lakeFormationChain: number;
  readonly perStack: readonly StackFigures[];
}

export interface SizeResult {
  readonly size: MeshSize;
  readonly generateSeconds: number;
  /** As `cdk synth` runs it: compliance packs on. The targets are checked on this one. */
  readonly app: SynthFigures;
  /** Compliance packs off (`-c lakemesh:nag=false`). */
  readonly withoutNag?: SynthFigures;
  readonly floor?: SynthFigures;
  /**
   * The synth after one product's contract changed, with the validation cache of the synth before
   * (what a reviewer waits for); lakemesh as `cdk synth` runs it.
   */
  readonly resynth?: SynthFigures;
  readonly assembly?: AssemblyFigures;
  /** app wall / floor wall (with `--repeat`, the median of the rounds' ratios). */
  readonly ratio?: number;
  readonly ratioWithoutNag?: number;
  /** Where the mesh and cdk.out folders are (kept with --keep). */
  readonly workDir: string;
}

export async function benchSize(size: MeshSize, workDir: string, options: BenchOptions, log: (line: string) => void): Promise<SizeResult> {
  const generateStart = performance.now();
  const mesh = writeMeshFiles(path.join(workDir, 'mesh'), buildMeshFiles(size, options.seed));
  const generateSeconds = (performance.now() - generateStart) / 1000;
  log(`${size.name}: generated ${mesh.fileCount} files in ${generateSeconds.toFixed(1)} s`);

  const validationCache = path.join(workDir, 'validation-cache.json');
  /** A lakemesh synth; `warm` keeps the validation cache the previous one left, else it starts empty (a first synth). */
  const synth = async (label: string, nag: boolean, warm = false) => {
    const outdir = path.join(workDir, `cdk.out.${label}`);
    const resultFile = path.join(workDir, `${label}.result.json`);
    if (!warm) fs.rmSync(validationCache, { force: true });
    const run = await runChild(
      'synth-mesh.ts',
      { meshFile: mesh.meshFile, outdir, resultFile, nag, liftResourceLimit: options.liftResourceLimit },
      { resultFile, timeoutMs: options.timeoutMs, env: { ...childEnv(options), [VALIDATION_CACHE_ENV]: validationCache } },
    );
    const figures = synthFigures(run, outdir);
    log(`${size.name}: lakemesh (${label}) ${describe(figures)}`);
    return { figures, outdir };
  };

  const app = await synth('app', true);
  const withoutNag = options.withoutNag ? await synth('without-nag', false) : undefined;
  const partial = { size, generateSeconds, app: app.figures, withoutNag: withoutNag?.figures, workDir };

  // Both runs write the same templates (the packs only check them); the first complete one is read.
  const source = [app, withoutNag].find((run) => run?.figures.completed);
  if (source === undefined) return partial;
  let assembly: AssemblyFigures;
  const floorPlan = new FloorPlanBuilder();
  try {
    assembly = assemblyFigures(readAssembly(source.outdir, floorPlan.visit));
  } catch (error) {
    return { ...partial, app: { ...app.figures, ok: false, error: `reading the assembly: ${firstLine(error)}` } };
  }
  const planFile = path.join(workDir, 'floor-plan.json');
  fs.writeFileSync(planFile, JSON.stringify(floorPlan.stacks));
  const floorSynth = async () => {
    const outdir = path.join(workDir, 'cdk.out.floor');
    const resultFile = path.join(workDir, 'floor.result.json');
    fs.rmSync(outdir, { recursive: true, force: true });
    const run = await runChild(
      'cdk-floor.ts',
      { planFile, outdir, resultFile, liftResourceLimit: options.liftResourceLimit },
      { resultFile, timeoutMs: options.timeoutMs, env: { ...childEnv(options), [VALIDATION_CACHE_ENV]: 'off' } },
    );
    const figures = synthFigures(run, outdir);
    log(`${size.name}: CDK floor ${describe(figures)}`);
    return figures;
  };
  const rounds: Round[] = [{ app: app.figures, floor: await floorSynth() }];
  for (let round = 2; round <= options.repeat; round++) {
    // Alternating which synth goes first, so that a machine slowing down or speeding up favours neither.
    const floorFirst = round % 2 === 0;
    const floor = floorFirst ? await floorSynth() : undefined;
    const repeated = await synth(`app-round-${round}`, true);
    fs.rmSync(repeated.outdir, { recursive: true, force: true });
    rounds.push({ app: repeated.figures, floor: floor ?? (await floorSynth()) });
  }
  const combined = combineRounds(rounds);
  // The review loop: one product changed since the last synth, whose validation reports are cached.
  const resynth = await resynthAfterEdit(mesh.dir, () => synth('resynth', true, true));
  return {
    ...partial,
    resynth,
    app: combined.app,
    floor: combined.floor,
    assembly,
    ratio: combined.ratio,
    ratioWithoutNag: withoutNag ? pairRatio(withoutNag.figures, rounds[0].floor) : undefined,
  };
}

function childEnv(options: BenchOptions): Record<string, string> {
  return { CDK_VALIDATION: options.cfnValidation ? 'true' : 'false' };
}

function synthFigures(run: ChildRun, outdir: string): SynthFigures {
  const result = run.result;
  const completed = fs.existsSync(path.join(outdir, 'manifest.json'));
  if (result === undefined) return { ok: false, completed, processSeconds: run.processSeconds, error: run.failure };
  const failedValidation = result.validationFailed || /^ValidationFailed\b/.test(result.error ?? '');
  const error = failedValidation ? `validation errors: ${validationSummary(outdir)}` : result.error;
  return {
    ok: result.ok && !failedValidation,
    completed,
    wallSeconds: result.wallSeconds,
    phases: result.phases,
    peakRssMb: result.maxRssKb / 1024,
    processSeconds: run.processSeconds,
    ...(error === undefined ? {} : { error }),
  };
}

function assemblyFigures(stats: AssemblyStats): AssemblyFigures {
  return {
    stacks: stats.stacks.length,
    totalResources: stats.totalResources,
    largestByResources: stats.largestByResources,
    largestByBytes: stats.largestByBytes,
    lakeFormationWrites: stats.lakeFormationWrites,
    lakeFormationChainInStack: stats.lakeFormationChainInStack,
    lakeFormationChain: stats.lakeFormationChain,
    perStack: stats.stacks.map(({ stackName, resources, templateBytes, lakeFormationWrites, lakeFormationChain }) => ({
      stackName,
      resources,
      templateBytes,
      lakeFormationWrites,
      lakeFormationChain,
    })),
  };
}

function describe(figures: SynthFigures): string {
  const time = figures.wallSeconds === undefined ? '' : ` ${figures.wallSeconds.toFixed(1)} s`;
  const rss = figures.peakRssMb === undefined ? '' : `, peak RSS ${Math.round(figures.peakRssMb)} MB`;
  return `${figures.ok ? 'ok' : 'FAILED'}${time}${rss}${figures.error ? ` — ${figures.error}` : ''}`;
}
