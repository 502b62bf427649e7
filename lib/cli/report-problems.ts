/** How commands print the problems of a `LakemeshError`. */
import { formatProblem, Problem } from '../errors';
import { CliIo } from './io';

/** One `file:line:column: path: message [CODE]` line per problem on stderr, then a count line. */
export function reportProblems(problems: readonly Problem[], io: CliIo): void {
  for (const problem of problems) io.stderr(`${printable(formatProblem(problem))}\n`);
  io.stderr(`${plural(problems.length, 'problem')} found\n`);
}

/**
 * Control characters, line separators and bidirectional overrides, which messages can carry from
 * the input (a key, a value, a file name): printed raw they would recolour or rewrite the
 * terminal, hide text in a CI log, or split one problem over several lines.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every unprintable character written as a `\uXXXX` escape. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `1 domain`, `3 domains`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
