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
    // The message repeats the whole report (printed above already); keep where its copy is.
    const reportFile = /\S*validation-report\.json/.exec(error.message)?.[0];
    write(`lakemesh: synth stopped by compliance or template validation errors (listed above)${reportFile ? `; report: ${reportFile}` : ''}\n`);
    return 1;
  }
  return undefined;
}
