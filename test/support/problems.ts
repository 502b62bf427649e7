import { LakemeshError, Problem } from '../../lib/errors';

/** The problems of the `LakemeshError` that `action` throws; fails the test when it throws nothing or something else. */
export function problemsOf(action: () => unknown): readonly Problem[] {
  try {
    action();
  } catch (error) {
    if (error instanceof LakemeshError) return error.problems;
    throw error;
  }
  throw new Error('expected a LakemeshError, but nothing was thrown');
}
