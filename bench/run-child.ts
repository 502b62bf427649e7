/**
 * Runs one benchmark child (`synth-mesh.ts` or `cdk-floor.ts`) in a fresh Node process, so that
 * measurements do not share a heap, a JIT or a module cache, and kills it when it runs too long.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ChildResult } from './measure';

/** Output kept from a child, from its end (where errors are), so a huge validation report cannot fill memory. */
const OUTPUT_TAIL_BYTES = 16 * 1024;

export interface ChildRun {
  /** What the child measured, when it got to write it. */
  readonly result?: ChildResult;
  /** Why there is no result (timeout, crash), first line only. */
  readonly failure?: string;
  /** Spawn to exit, as seen by the parent (includes Node start-up and module loading). */
  readonly processSeconds: number;
  /** The end of the child's stderr. */
  readonly stderrTail: string;
}

export interface ChildOptions {
  readonly resultFile: string;
  readonly timeoutMs: number;
  /** Variables added to the child's environment. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs `script` (a file of this folder) with `options` as its JSON argument. Never rejects. */
export function runChild(script: string, childArgs: object, options: ChildOptions): Promise<ChildRun> {
  fs.rmSync(options.resultFile, { force: true });
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, script), JSON.stringify(childArgs)], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true', AWS_EC2_METADATA_DISABLED: 'true', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a timeout also ends what it started (esbuild's service).
    detached: true,
  });
  let stderrTail = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  });
  child.stdout.resume();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, options.timeoutMs);

  return new Promise((resolve) => {
    const finish = (failure?: string) => {
      clearTimeout(timer);
      const processSeconds = (performance.now() - start) / 1000;
      const result = fs.existsSync(options.resultFile) ? (JSON.parse(fs.readFileSync(options.resultFile, 'utf8')) as ChildResult) : undefined;
      resolve({ result, failure: result ? undefined : failure, processSeconds, stderrTail });
    };
    child.on('error', (error) => finish(`could not start ${script}: ${error.message}`));
    child.on('close', (code, signal) => {
      if (timedOut) finish(`killed after ${Math.round(options.timeoutMs / 1000)} s (time limit)`);
      else finish(`${script} exited with ${signal ?? `code ${code}`} before reporting${lastErrorLine(stderrTail)}`);
    });
  });
}

/** The last line of stderr that looks like an error (e.g. "FATAL ERROR: … JavaScript heap out of memory"). */
function lastErrorLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const error = [...lines].reverse().find((line) => /error/i.test(line)) ?? lines[lines.length - 1];
  return error === undefined ? '' : `: ${error.slice(0, 300)}`;
}
