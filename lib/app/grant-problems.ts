/**
 * Problems found while a grant is built (row filter limits, expiry, contract status) are reported
 * at the grant's entry in mesh.yaml when they carry no location of their own, so that `cdk synth`
 * and `lakemesh validate` point the user at the line to edit.
 */
import { GrantConfig } from '../config/model';
import { LakemeshError, Problem, ProblemCollector } from '../errors';

/** Runs `build` for `grant`, adding any `LakemeshError` problems (located) to `problems`. */
export function collectGrantProblems(grant: GrantConfig, problems: ProblemCollector, build: () => void): void {
  try {
    build();
  } catch (error) {
    if (!(error instanceof LakemeshError)) throw error;
    problems.addAll(error.problems.map((problem) => locate(grant, problem)));
  }
}

function locate(grant: GrantConfig, problem: Problem): Problem {
  if (problem.location) return problem;
  const where = `grants[${grant.product} → ${grant.consumer} as ${grant.role}]`;
  return { ...problem, path: problem.path ? `${where}.${problem.path}` : where, location: grant.location };
}
