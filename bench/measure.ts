/**
 * What a benchmark child process measures and hands back: the seconds of each timed phase
 * (`performance.now()`, module loading excluded), its peak RSS, and how the synth ended. The child
 * writes it as JSON to a file the parent names, so nothing the CDK prints can garble it.
 */
import * as fs from 'node:fs';

export interface ChildResult {
  /** False when a phase threw; `error` then has the first line of the message. */
  readonly ok: boolean;
  /** Seconds per phase, in the order they ran. */
  readonly phases: Readonly<Record<string, number>>;
  /** Sum of the phases. */
  readonly wallSeconds: number;
  /** `process.resourceUsage().maxRSS`: peak resident set size of the child, in KiB. */
  readonly maxRssKb: number;
  /** The CDK's template validation or a compliance pack reported errors (the CDK sets `process.exitCode`). */
  readonly validationFailed: boolean;
  readonly error?: string;
}

/** Times the phases of one run; a phase that throws ends the run. */
export class PhaseTimer {
  private readonly phases: Record<string, number> = {};
  private error?: string;

  /** Runs `fn` as phase `name`; returns undefined (and records the error) when it throws. */
  time<T>(name: string, fn: () => T): T | undefined {
    if (this.error !== undefined) return undefined;
    const start = performance.now();
    try {
      return fn();
    } catch (error) {
      this.error = firstLine(error);
      return undefined;
    } finally {
      this.phases[name] = (performance.now() - start) / 1000;
    }
  }

  result(): ChildResult {
    const wallSeconds = Object.values(this.phases).reduce((sum, seconds) => sum + seconds, 0);
    return {
      ok: this.error === undefined,
      phases: { ...this.phases },
      wallSeconds,
      maxRssKb: process.resourceUsage().maxRSS,
      validationFailed: process.exitCode !== undefined && process.exitCode !== 0,
      ...(this.error === undefined ? {} : { error: this.error }),
    };
  }
}

/** Writes the result and ends the child with exit code 0: the result, not the code, tells how it went. */
export function finishChild(resultFile: string, result: ChildResult): never {
  fs.writeFileSync(resultFile, JSON.stringify(result, undefined, 2));
  process.exit(0);
}

/** The first line of an error's message (a lakemesh error lists every problem; the first one is enough for a table). */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length === 0) return text;
  return lines.length === 1 ? lines[0] : `${lines[0]} (+${lines.length - 1} more lines)`;
}

/** The one argument a child takes: its options as JSON. */
export function childOptions<T>(): T {
  const raw = process.argv[2];
  if (raw === undefined) throw new Error('expected the child options as one JSON argument');
  return JSON.parse(raw) as T;
}
