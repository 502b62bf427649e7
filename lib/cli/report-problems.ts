/** How commands print the problems of a `LakemeshError`. */
import { formatProblem, Problem } from '../errors';
import { CliIo } from './io';

/** One `file:line:column: path: message [CODE]` line per problem on stderr, then a count line. */
export function reportProblems(problems: readonly Problem[], io: CliIo): void {
  for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`);
  io.stderr(`${plural(problems.length, 'problem')} found\n`);
}

/** `1 domain`, `3 domains`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
