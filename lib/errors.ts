/**
 * The one error type lakemesh lets escape. It carries every problem found in one run, each with a
 * stable code and (where the input is a file) the place it came from.
 */

/** Where a problem sits in an input file. Lines and columns are 1-based. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Problem {
  /** Stable code, e.g. `LM201`. Codes are API: tests and users match on them. */
  readonly code: string;
  /** Dotted path to the offending field, e.g. `grants[2].role`. Empty for whole-file problems. */
  readonly path: string;
  /** Lower-case message: what was wrong, the value received, how to fix it. */
  readonly message: string;
  readonly location?: SourceLocation;
}

/** `file:line:column: path: message [CODE]`, the form editors and CI annotate. */
export function formatProblem(problem: Problem): string {
  const where = problem.location
    ? `${problem.location.file}:${problem.location.line}:${problem.location.column}: `
    : '';
  const path = problem.path ? `${problem.path}: ` : '';
  return `${where}${path}${problem.message} [${problem.code}]`;
}

export class LakemeshError extends Error {
  public readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    if (problems.length === 0) {
      throw new Error('LakemeshError needs at least one problem');
    }
    super(problems.map(formatProblem).join('\n'));
    this.name = 'LakemeshError';
    this.problems = problems;
  }

  /** Convenience for a single problem without a file location. */
  static of(code: string, message: string, path = ''): LakemeshError {
    return new LakemeshError([{ code, message, path }]);
  }
}

/** Collects problems while validating, so that all of them are reported at once. */
export class ProblemCollector {
  private readonly found: Problem[] = [];

  add(problem: Problem): void {
    this.found.push(problem);
  }

  addAll(problems: readonly Problem[]): void {
    for (const problem of problems) this.found.push(problem);
  }

  get problems(): readonly Problem[] {
    return this.found;
  }

  get hasProblems(): boolean {
    return this.found.length > 0;
  }

  /** Throws one `LakemeshError` carrying everything collected, sorted by file and position. */
  throwIfAny(): void {
    if (this.found.length === 0) return;
    throw new LakemeshError(sortProblems(this.found));
  }
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => {
    const fa = a.location?.file ?? '';
    const fb = b.location?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const la = a.location?.line ?? 0;
    const lb = b.location?.line ?? 0;
    if (la !== lb) return la - lb;
    return (a.location?.column ?? 0) - (b.location?.column ?? 0);
  });
}
