/** What every mesh check needs: the mesh.yaml source (to locate problems) and the collector. */
import { ProblemCollector } from '../errors';
import { PathSegment, YamlSource } from '../source/yaml-source';
import { accountIdProblem, parseIamPrincipal, partitionOf, PrincipalKind } from './aws-identifiers';
import { MESH_CODES } from './codes';

export class CheckContext {
  constructor(
    public readonly source: YamlSource,
    public readonly problems: ProblemCollector,
  ) {}

  /** Reports a problem located at `path` in mesh.yaml. */
  report(code: string, path: readonly PathSegment[], message: string, options: { key?: boolean } = {}): void {
    this.problems.add(this.source.problem(code, path, message, options));
  }

  /** The account id as a string when valid; reports and returns undefined otherwise. */
  account(value: string | number, path: readonly PathSegment[]): string | undefined {
    const problem = accountIdProblem(value);
    if (problem === undefined) return value as string;
    this.report(MESH_CODES.invalidAccount, path, problem);
    return undefined;
  }

  /** Reports an empty (or blank) required text. Returns the trimmed text. */
  text(value: string, path: readonly PathSegment[], what: string): string {
    const trimmed = value.trim();
    if (trimmed === '') this.report(MESH_CODES.emptyValue, path, `${what} must not be empty; ${hintFor(path)}`);
    return trimmed;
  }

  /**
   * Checks a list of principal ARNs that must belong to `account` (when known) in the mesh's
   * partition; returns the valid ones, sorted and without duplicates.
   */
  principals(
    values: readonly string[],
    path: readonly PathSegment[],
    owner: { readonly account?: string; readonly description: string; readonly region?: string },
    kinds: readonly PrincipalKind[] = ['role', 'user'],
  ): string[] {
    const valid = new Set<string>();
    values.forEach((value, index) => {
      const check = parseIamPrincipal(value, kinds);
      if (!check.ok) {
        this.report(MESH_CODES.invalidPrincipal, [...path, index], check.reason);
        return;
      }
      if (owner.account !== undefined && check.principal.account !== owner.account) {
        this.report(
          MESH_CODES.principalAccount,
          [...path, index],
          `principal ${JSON.stringify(value)} is in account ${check.principal.account}, but ${owner.description} is account ${owner.account}; use a principal of account ${owner.account}`,
        );
        return;
      }
      const partition = owner.region === undefined ? undefined : partitionOf(owner.region);
      if (partition !== undefined && check.principal.partition !== partition) {
        this.report(
          MESH_CODES.principalAccount,
          [...path, index],
          `principal ${JSON.stringify(value)} is in partition "${check.principal.partition}", but region ${owner.region} is in partition "${partition}"; write it as arn:${partition}:iam::…`,
        );
        return;
      }
      valid.add(value);
    });
    return [...valid].sort();
  }
}

function hintFor(path: readonly PathSegment[]): string {
  const field = path[path.length - 1];
  switch (field) {
    case 'owner':
      return 'write the email address of the team that owns the domain';
    case 'purpose':
      return 'say what the consumer will use the data for';
    case 'requestedBy':
      return 'write the email address of the person who asked for access';
    case 'approvedBy':
      return 'write the email address of the person who approved the grant';
    default:
      return 'fill it in';
  }
}
