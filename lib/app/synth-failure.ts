/**
 * How the CDK entry point ends a failed synth: configuration problems as `lakemesh validate`
 * prints them, failed compliance or template validation as one line (the findings were printed
 * above by the packs), never a stack trace. Anything else is a bug and is left to propagate.
 */
import { formatProblem, LakemeshError } from '../errors';

/** Name of the error aws-cdk-lib throws when a validation plugin (a nag pack) or the template validator reports errors. */
export const VALIDATION_FAILED = 'ValidationFailed';

/** Writes the report for `error` and returns the exit code, or undefined when it is not a user-facing failure. */
export function reportSynthFailure(error: unknown, write: (text: string) => void): number | undefined {
  if (error instanceof LakemeshError) {
    for (const problem of error.problems) write(`${formatProblem(problem)}\n`);
    write(`lakemesh: ${error.problems.length} problem(s) found; nothing was synthesized\n`);
    return 1;
  }
  if (error instanceof Error && error.name === VALIDATION_FAILED) {
    // The message repeats the whole report; its closing line says where the report file is.
    const lines = error.message.split('\n').map((line) => line.trim()).filter(Boolean);
    write(`lakemesh: ${lines.find((line) => line.startsWith('Validation failed')) ?? lines[lines.length - 1]}\n`);
    return 1;
  }
  return undefined;
}
