/**
 * Shared helpers of the hostile-input tests: a throw-away copy of the retail example to break one
 * thing at a time, and the checks every hostile input must pass (only `LakemeshError` escapes, every
 * problem has a stable code and a message a person can act on).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadMesh } from '../../lib/config/load-mesh';
import { MeshConfig } from '../../lib/config/model';
import { LakemeshError, Problem } from '../../lib/errors';
import { problemsOf } from '../support/problems';
export { problemsOf };

export const EXAMPLE_DIR = path.join(__dirname, '..', '..', 'examples', 'retail');

/** The day the example is checked on: before every expiry in it. */
export const TODAY = new Date('2026-11-15T12:00:00Z');

export const MESH = 'mesh.yaml';
export const ORDERS = 'contracts/sales-orders.odcs.yaml';

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) {
    makeWritable(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A fresh empty temp dir, removed when the test file ends. */
export function tempDir(prefix = 'lakemesh-hostile-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** A copy of `examples/retail` in a temp dir. */
export class ExampleCopy {
  readonly dir: string;

  constructor() {
    this.dir = tempDir('lakemesh-example-');
    fs.cpSync(EXAMPLE_DIR, this.dir, { recursive: true });
  }

  path(file = MESH): string {
    return path.join(this.dir, file);
  }

  read(file: string): string {
    return fs.readFileSync(this.path(file), 'utf8');
  }

  write(file: string, content: string | Uint8Array): string {
    const target = this.path(file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    return target;
  }

  /** Replaces the first `from` in `file` by `to`; fails the test when `from` is not there. */
  replace(file: string, from: string, to: string): this {
    const text = this.read(file);
    if (!text.includes(from)) throw new Error(`"${from}" not in ${file}`);
    this.write(file, text.replace(from, to));
    return this;
  }

  load(): MeshConfig {
    return loadMesh(this.path(), { today: TODAY });
  }

  problems(): readonly Problem[] {
    return problemsOf(() => this.load());
  }

  /** `{ file, line, column }` of the `occurrence`-th `needle` in `file`. */
  at(file: string, needle: string, occurrence = 1): { file: string; line: number; column: number } {
    const text = this.read(file);
    let offset = -1;
    for (let i = 0; i < occurrence; i++) {
      offset = text.indexOf(needle, offset + 1);
      if (offset < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not in ${file}`);
    }
    const before = text.slice(0, offset).split('\n');
    return { file: this.path(file), line: before.length, column: before[before.length - 1].length + 1 };
  }
}

/** The problems `action` throws; fails when it throws anything else or nothing. */

/** Text that must never reach a user: leaked placeholders and JavaScript internals. */
const LEAKS = /\bundefined\b|\[object Object\]|\bNaN\b|\bnull\b|TypeError|RangeError|ReferenceError|\n\s+at /;

/**
 * What makes a problem acceptable whatever the input: a stable code, a non-empty message that leaks
 * no JavaScript internals (`allowed` lifts words the input itself contained, e.g. a `.nan` value).
 */
function problemDefects(problem: Problem, allowed: readonly string[] = []): string[] {
  const defects: string[] = [];
  if (!/^LM\d{3}$/.test(problem.code)) defects.push(`code ${JSON.stringify(problem.code)} is not LMnnn`);
  if (typeof problem.message !== 'string' || problem.message.trim() === '') defects.push('message is empty');
  let message = String(problem.message);
  for (const word of allowed) message = message.split(word).join('');
  const leak = LEAKS.exec(message);
  if (leak) defects.push(`message leaks ${JSON.stringify(leak[0])}: ${problem.message}`);
  if (problem.location) {
    const { line, column } = problem.location;
    if (!Number.isInteger(line) || line < 1 || !Number.isInteger(column) || column < 1) {
      defects.push(`location ${JSON.stringify(problem.location)} is not 1-based`);
    }
  }
  return defects;
}

/**
 * Runs `action` and describes what is wrong with how it failed: `[]` when it returned or threw a
 * `LakemeshError` whose problems all pass `problemDefects`.
 */
export function failureDefects(action: () => unknown, allowed: readonly string[] = []): string[] {
  try {
    action();
    return [];
  } catch (error) {
    if (!(error instanceof LakemeshError)) {
      const name = error instanceof Error ? error.constructor.name : typeof error;
      const message = error instanceof Error ? error.message : String(error);
      return [`threw ${name}, not LakemeshError: ${message.split('\n')[0]}`];
    }
    return error.problems.flatMap((problem) => problemDefects(problem, allowed));
  }
}

/** Words a message may legitimately repeat because the input itself contained them. */
export function wordsFromInput(text: string): string[] {
  const words: string[] = [];
  if (/nan/i.test(text)) words.push('NaN');
  if (/null|~/i.test(text)) words.push('null');
  if (/undefined/i.test(text)) words.push('undefined');
  return words;
}

function makeWritable(dir: string): void {
  try {
    fs.chmodSync(dir, 0o700);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.isSymbolicLink()) makeWritable(path.join(dir, entry.name));
    }
  } catch {
    // Best effort: rmSync reports what it cannot remove.
  }
}
