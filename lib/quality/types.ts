import { SourceLocation } from '../errors';

/**
 * Stable ids of the reasons a contract rule is not compiled to DQDL. They become the ids of
 * warning annotations, so they are API: never renumber, only add.
 */
export const QualitySkipCode = {
  /** `type: text`: prose, nothing to run. */
  textRule: 'LM401',
  /** `type: custom`: written for another engine (soda, great-expectations, …). */
  customRule: 'LM402',
  /** A `type` other than library, sql, text or custom. */
  unknownType: 'LM403',
  /** A library metric (or v3.0 `rule`) lakemesh does not know. */
  unknownMetric: 'LM404',
  /** Missing, non-numeric or conflicting `mustBe…` expectation. */
  badExpectation: 'LM405',
  /** A `unit` other than rows or percent, or one the metric cannot use. */
  badUnit: 'LM406',
  /** A combination DQDL cannot express (e.g. a range on a threshold). */
  unsupportedCombination: 'LM407',
  /** A column metric written at table level, or naming columns the table lacks. */
  needsColumn: 'LM408',
  /** Missing or malformed `arguments`. */
  badArguments: 'LM409',
  /** A column name DQDL cannot quote. */
  unquotableColumn: 'LM410',
  /** A value (valid value, pattern, bound) DQDL cannot write. */
  unwritableValue: 'LM411',
  /** A `type: sql` query that cannot run as a Glue `CustomSql` rule. */
  badSqlQuery: 'LM412',
  /** A `logicalTypeOptions` entry DQDL cannot check. */
  unsupportedTypeOption: 'LM413',
  /** SLA freshness without an `element` naming the column to measure. */
  freshnessWithoutColumn: 'LM414',
  /** SLA freshness `element` naming a column this table lacks. */
  freshnessUnknownColumn: 'LM415',
  /** SLA freshness measured on a column that is not a date or timestamp. */
  freshnessNotTemporal: 'LM416',
  /** SLA freshness age DQDL cannot write (not a positive whole number of minutes). */
  freshnessBadAge: 'LM417',
  /** The ruleset outgrew Glue's size limit; trailing rules were left out. */
  rulesetTooLarge: 'LM418',
} as const;

export type QualitySkipCode = (typeof QualitySkipCode)[keyof typeof QualitySkipCode];

/** A contract rule that was not compiled, and why. */
export interface SkippedRule {
  /** Stable id, one of `QualitySkipCode`. */
  readonly code: QualitySkipCode;
  /** Where the rule sits in the contract, e.g. `schema.orders.properties.email.quality[1]`. */
  readonly path: string;
  /** Lower-case: what was found and what would make it compile. */
  readonly reason: string;
  /** The rule's place in the contract file, when known. */
  readonly location?: SourceLocation;
}

export interface CompiledRuleset {
  /** The full DQDL document (`Rules = [ … ]`), or `undefined` when there is no rule to check. */
  readonly ruleset: string | undefined;
  /** The rules of `ruleset`, one DQDL rule each, in contract order. */
  readonly rules: readonly string[];
  readonly skipped: readonly SkippedRule[];
}

/** What one contract entry compiles to: DQDL rules, or the reason it cannot be. */
export type RuleOutcome =
  | { readonly kind: 'rules'; readonly rules: readonly string[] }
  | { readonly kind: 'skip'; readonly code: QualitySkipCode; readonly reason: string };

/** One compiled (or skipped) contract entry, with where it came from. */
export interface LocatedOutcome {
  readonly path: string;
  readonly location?: SourceLocation;
  readonly outcome: RuleOutcome;
}

export function compiled(...rules: string[]): RuleOutcome {
  return { kind: 'rules', rules };
}

export function skip(code: QualitySkipCode, reason: string): RuleOutcome {
  return { kind: 'skip', code, reason };
}
