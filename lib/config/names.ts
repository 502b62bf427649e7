/** Checks of the names mesh.yaml gives to the mesh, its domains and its consumers. */
import { formatPath, PathSegment } from '../source/yaml-source';
import { CheckContext } from './check-context';
import { MESH_CODES } from './codes';
import { isName } from './naming';

/** Reports a name that is not a lowercase slug. Returns whether it is valid. */
export function checkName(value: string, path: readonly PathSegment[], what: 'mesh' | 'domain' | 'consumer', ctx: CheckContext): boolean {
  if (isName(value)) return true;
  const suggestion = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  const hint = suggestion && isName(suggestion) ? `, e.g. "${suggestion}"` : '';
  ctx.report(
    MESH_CODES.invalidName,
    path,
    `${what} name ${JSON.stringify(value)} is not a lowercase slug; use lowercase letters, digits and single hyphens, starting with a letter${hint}`,
  );
  return false;
}

/** Names already used in one list (domains or consumers): the second use of a name is an error. */
export class NameRegistry {
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly what: 'domain' | 'consumer',
    private readonly ctx: CheckContext,
  ) {}

  /** Records `name`; reports and returns false when an earlier entry has it. */
  claim(name: string, path: readonly PathSegment[]): boolean {
    const first = this.seen.get(name);
    if (first !== undefined) {
      this.ctx.report(MESH_CODES.duplicateName, path, `${this.what} "${name}" is already defined at ${first}; ${this.what} names must be unique`);
      return false;
    }
    this.seen.set(name, formatPath(path.slice(0, -1)));
    return true;
  }

  has(name: string): boolean {
    return this.seen.has(name);
  }
}

/** Code-point order, independent of locale, so sorted output is the same on every machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
