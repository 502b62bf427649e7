/**
 * ODCS `quality[]` entries → `QualityRule`. v3.0 named the library metric `rule` and put its
 * parameters beside it (`rule: validValues`, `validValues: [...]`); v3.1 uses `metric` and
 * `arguments`. Both map to `metric` / `arguments`, so the DQDL compiler sees one shape.
 */
import { stringify } from 'yaml';
import { PathSegment } from '../source/yaml-source';
import { QualityRule } from './model';
import { CONTRACT_CODES } from './codes';
import { ContractContext } from './context';
import { ACTED_ON_KEYS, ODCS_KEYS, OdcsQuality } from './odcs-schema';

const DEFINED_KEYS = new Set<string>([...ODCS_KEYS.quality, ...ACTED_ON_KEYS.quality]);

export function qualityRules(
  ctx: ContractContext,
  entries: readonly OdcsQuality[] | undefined,
  path: readonly PathSegment[],
): QualityRule[] {
  return (entries ?? []).map((entry, index) => qualityRule(ctx, entry, [...path, index]));
}

function qualityRule(ctx: ContractContext, entry: OdcsQuality, path: readonly PathSegment[]): QualityRule {
  ctx.checkNearMisses(entry, path, ACTED_ON_KEYS.quality, ODCS_KEYS.quality);
  checkRange(ctx, entry.mustBeBetween, [...path, 'mustBeBetween'], 'mustBeBetween');
  checkRange(ctx, entry.mustNotBeBetween, [...path, 'mustNotBeBetween'], 'mustNotBeBetween');

  // v3.0 parameters beside the rule (e.g. validValues) join the v3.1 arguments.
  const legacyArguments = Object.fromEntries(Object.entries(entry).filter(([key]) => !DEFINED_KEYS.has(key)));
  return {
    type: entry.type ?? 'library',
    metric: entry.metric ?? entry.rule,
    description: entry.description,
    dimension: entry.dimension,
    severity: entry.severity,
    query: entry.query,
    engine: entry.engine,
    implementation: typeof entry.implementation === 'object' ? stringify(entry.implementation) : entry.implementation,
    unit: entry.unit,
    arguments: { ...legacyArguments, ...entry.arguments },
    mustBe: entry.mustBe,
    mustNotBe: entry.mustNotBe,
    mustBeGreaterThan: entry.mustBeGreaterThan,
    mustBeGreaterOrEqualTo: entry.mustBeGreaterOrEqualTo,
    mustBeLessThan: entry.mustBeLessThan,
    mustBeLessOrEqualTo: entry.mustBeLessOrEqualTo,
    mustBeBetween: entry.mustBeBetween,
    mustNotBeBetween: entry.mustNotBeBetween,
    location: ctx.locate(path),
  };
}

function checkRange(
  ctx: ContractContext,
  range: readonly [number, number] | undefined,
  path: readonly PathSegment[],
  key: string,
): void {
  if (range && range[0] > range[1]) {
    ctx.report(
      CONTRACT_CODES.invalidQualityRange,
      path,
      `${key} must list the smaller number first, got [${range[0]}, ${range[1]}]; write [${range[1]}, ${range[0]}]`,
    );
  }
}
