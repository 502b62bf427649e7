/**
 * Problem codes of contract evolution (LM500–LM519). Codes are API: tests and users match on
 * them, so a code is never reused for a different problem.
 */
export const EVOLUTION_CODES = {
  /** A contract `version` that is not a semantic version (MAJOR.MINOR.PATCH). */
  invalidVersion: 'LM500',
} as const;
