/** What every contract-building step shares: the source (for locations) and the problems found so far. */
import { Problem, SourceLocation } from '../errors';
import { SCHEMA_CODES } from '../source/zod-problems';
import { closest } from '../source/did-you-mean';
import { PathSegment, YamlSource } from '../source/yaml-source';

export class ContractContext {
  readonly problems: Problem[] = [];

  constructor(readonly source: YamlSource) {}

  report(code: string, path: readonly PathSegment[], message: string, options: { key?: boolean } = {}): void {
    this.problems.push(this.source.problem(code, path, message, options));
  }

  locate(path: readonly PathSegment[]): SourceLocation {
    return this.source.locate(path);
  }

  /**
   * Reports keys of `value` that ODCS does not define at this level but that are a near miss of a
   * key lakemesh acts on (`partitionKeyPositon`): silently ignoring those would drop the setting.
   * Other unknown keys stay tolerated, so vendor extensions keep working.
   */
  checkNearMisses(
    value: object,
    path: readonly PathSegment[],
    actedOn: readonly string[],
    odcsKeys: readonly string[],
  ): void {
    const known = new Set<string>([...actedOn, ...odcsKeys]);
    for (const key of Object.keys(value)) {
      if (known.has(key)) continue;
      const match = closest(key, known);
      if (match !== undefined && actedOn.includes(match)) {
        this.report(SCHEMA_CODES.unknownKey, [...path, key], `unknown key "${key}"; did you mean "${match}"?`, { key: true });
      }
    }
  }
}
