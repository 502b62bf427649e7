/**
 * Compiles the quality expectations of one contract table into a Glue Data Quality ruleset (DQDL).
 *
 * Sources, in this order: the primary key; each column in contract order (`required`, `unique`,
 * `logicalTypeOptions`, then its `quality[]`); the table's `quality[]`; the freshness SLA.
 * Whatever cannot be compiled is returned in `skipped` with a stable code, for the construct to
 * surface as warnings. The same input always yields the same text; a rule stated twice is kept once.
 */
import { ContractColumn, ContractSla, ContractTable, QualityRule } from '../contract/model';
import { MAX_RULESET_LENGTH, renderRuleset, unquotableColumnReason } from './dqdl';
import { compilePrimaryKey, compileRequiredAndUnique } from './column-rules';
import { compileFreshness } from './freshness';
import { compileLibraryMetric } from './library-metrics';
import { compileSqlRule } from './sql-rules';
import { columnPath, columnsInContractOrder, tablePath } from './table-columns';
import { compileTypeOptions } from './type-options';
import { CompiledRuleset, LocatedOutcome, QualitySkipCode, RuleOutcome, SkippedRule, skip } from './types';

export function compileRuleset(table: ContractTable, sla: ContractSla): CompiledRuleset {
  const outcomes: LocatedOutcome[] = [];
  const primaryKey = compilePrimaryKey(table);
  if (primaryKey) outcomes.push(primaryKey);
  for (const column of columnsInContractOrder(table)) outcomes.push(...compileColumn(table, column));
  table.quality.forEach((rule, index) => outcomes.push({
    path: `${tablePath(table)}.quality[${index}]`,
    location: rule.location,
    outcome: compileQualityRule(rule, table),
  }));
  outcomes.push(...compileFreshness(table, sla));
  return assemble(outcomes);
}

/** One `quality[]` entry of a table (no `column`) or of a column. */
export function compileQualityRule(rule: QualityRule, table: ContractTable, column?: ContractColumn): RuleOutcome {
  const type = (rule.type ?? 'library').trim().toLowerCase();
  switch (type) {
    case 'library': return compileLibraryMetric(rule, table, column);
    case 'sql': return compileSqlRule(rule, table, column);
    case 'text':
      return skip(
        QualitySkipCode.textRule,
        'text rules describe quality in prose and cannot run; restate it as a library metric or a sql rule to have glue check it',
      );
    case 'custom':
      return skip(
        QualitySkipCode.customRule,
        `custom rules${rule.engine ? ` for engine ${JSON.stringify(rule.engine)}` : ''} are not compiled to dqdl; `
          + 'restate it as a library metric or a sql rule to have glue check it',
      );
    default:
      return skip(
        QualitySkipCode.unknownType,
        `quality type ${JSON.stringify(rule.type)} is not library, sql, text or custom; use one of those`,
      );
  }
}

function compileColumn(table: ContractTable, column: ContractColumn): LocatedOutcome[] {
  const path = columnPath(table, column);
  const outcomes: LocatedOutcome[] = [
    ...compileRequiredAndUnique(table, column),
    ...compileTypeOptions(table, column),
    ...column.quality.map((rule, index) => ({
      path: `${path}.quality[${index}]`,
      location: rule.location,
      outcome: compileQualityRule(rule, table, column),
    })),
  ];
  const unquotable = unquotableColumnReason(column.name);
  if (unquotable && outcomes.length > 0) {
    return [{ path, location: column.location, outcome: skip(QualitySkipCode.unquotableColumn, `${unquotable} (${outcomes.length} rule(s) not compiled)`) }];
  }
  return outcomes;
}

interface PlacedRule {
  readonly rule: string;
  readonly path: string;
  readonly location?: LocatedOutcome['location'];
}

function assemble(outcomes: readonly LocatedOutcome[]): CompiledRuleset {
  const placed: PlacedRule[] = [];
  const skipped: SkippedRule[] = [];
  const seen = new Set<string>();
  for (const { path, location, outcome } of outcomes) {
    if (outcome.kind === 'skip') {
      skipped.push({ code: outcome.code, path, reason: outcome.reason, ...(location ? { location } : {}) });
      continue;
    }
    for (const rule of outcome.rules) {
      if (seen.has(rule)) continue;
      seen.add(rule);
      placed.push({ rule, path, location });
    }
  }
  const kept = fitWithinLimit(placed);
  for (const dropped of placed.slice(kept.length)) {
    skipped.push({
      code: QualitySkipCode.rulesetTooLarge,
      path: dropped.path,
      reason: `the ruleset would exceed glue's ${MAX_RULESET_LENGTH}-character limit, so this rule was left out; `
        + 'move some checks to another table or drop less important ones',
      ...(dropped.location ? { location: dropped.location } : {}),
    });
  }
  const rules = kept.map((entry) => entry.rule);
  return { ruleset: rules.length > 0 ? renderRuleset(rules) : undefined, rules, skipped };
}

/** The longest prefix of the rules whose rendered ruleset fits Glue's limit. */
function fitWithinLimit(placed: readonly PlacedRule[]): readonly PlacedRule[] {
  if (placed.length === 0 || renderRuleset(placed.map((p) => p.rule)).length <= MAX_RULESET_LENGTH) return placed;
  const frame = renderRuleset(['']).length; // "Rules = [\n  \n]"
  let length = frame;
  let count = 0;
  for (const { rule } of placed) {
    const added = rule.length + (count === 0 ? 0 : ',\n  '.length);
    if (length + added > MAX_RULESET_LENGTH) break;
    length += added;
    count++;
  }
  return placed.slice(0, count);
}
