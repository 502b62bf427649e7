/**
 * ODCS `mustBe…` expectations and how they read as DQDL conditions.
 *
 * DQDL's own `between` compares exclusively (awslabs/dqdl `NumberBasedCondition`), while ODCS
 * `mustBeBetween` is inclusive, so ranges become composite rules: `(X >= a) and (X <= b)`.
 */
import { QualityRule } from '../contract/model';
import { dqdlNumber, roundRatio } from './dqdl';

export type ComparisonOperator = '=' | '!=' | '>' | '>=' | '<' | '<=';

export interface Bound {
  readonly operator: ComparisonOperator;
  readonly value: number;
}

/** Either every bound holds (`within`), or the value lies outside an inclusive range. */
export type Expectation =
  | { readonly kind: 'within'; readonly bounds: readonly Bound[] }
  | { readonly kind: 'outside'; readonly low: number; readonly high: number };

export type ReadExpectation =
  | { readonly kind: 'none' }
  | { readonly kind: 'expectation'; readonly expectation: Expectation }
  | { readonly kind: 'problem'; readonly problem: string };

const SINGLE_BOUND_KEYS = {
  mustBe: '=',
  mustNotBe: '!=',
  mustBeGreaterThan: '>',
  mustBeGreaterOrEqualTo: '>=',
  mustBeLessThan: '<',
  mustBeLessOrEqualTo: '<=',
} as const satisfies Record<string, ComparisonOperator>;

type SingleBoundKey = keyof typeof SINGLE_BOUND_KEYS;
type ExpectationKey = SingleBoundKey | 'mustBeBetween' | 'mustNotBeBetween';

const EXPECTATION_KEYS: readonly ExpectationKey[] = [
  'mustBe', 'mustNotBe', 'mustBeGreaterThan', 'mustBeGreaterOrEqualTo',
  'mustBeLessThan', 'mustBeLessOrEqualTo', 'mustBeBetween', 'mustNotBeBetween',
];
const LOWER_BOUND_KEYS: readonly ExpectationKey[] = ['mustBeGreaterThan', 'mustBeGreaterOrEqualTo'];
const UPPER_BOUND_KEYS: readonly ExpectationKey[] = ['mustBeLessThan', 'mustBeLessOrEqualTo'];

/** Reads the `mustBe…` keys of a rule. A lower and an upper bound may be combined (v3.0 contracts do). */
export function readExpectation(rule: QualityRule): ReadExpectation {
  const present = EXPECTATION_KEYS.filter((key) => rule[key] !== undefined);
  if (present.length === 0) return { kind: 'none' };
  const isBoundPair = present.length === 2
    && LOWER_BOUND_KEYS.includes(present[0]) && UPPER_BOUND_KEYS.includes(present[1]);
  if (present.length > 1 && !isBoundPair) {
    return {
      kind: 'problem',
      problem: `the rule sets ${present.join(' and ')}; keep one expectation (or one lower and one upper bound)`,
    };
  }
  const bounds: Bound[] = [];
  for (const key of present) {
    const value: unknown = rule[key];
    if (key === 'mustBeBetween' || key === 'mustNotBeBetween') {
      const range = readRange(key, value);
      if (typeof range === 'string') return { kind: 'problem', problem: range };
      const [low, high] = range;
      return key === 'mustBeBetween'
        ? { kind: 'expectation', expectation: { kind: 'within', bounds: [{ operator: '>=', value: low }, { operator: '<=', value: high }] } }
        : { kind: 'expectation', expectation: { kind: 'outside', low, high } };
    }
    if (!isWritableNumber(value)) {
      return { kind: 'problem', problem: `${key} is ${describe(value)}; write a plain number such as 0 or 1000` };
    }
    bounds.push({ operator: SINGLE_BOUND_KEYS[key], value });
  }
  return { kind: 'expectation', expectation: { kind: 'within', bounds } };
}

function readRange(key: string, value: unknown): readonly [number, number] | string {
  if (!Array.isArray(value) || value.length !== 2 || !value.every(isWritableNumber)) {
    return `${key} is ${describe(value)}; write two plain numbers, smallest first, e.g. [100, 200]`;
  }
  const [low, high] = value as [number, number];
  if (low > high) return `${key} is [${low}, ${high}]; put the smaller number first`;
  return [low, high];
}

function isWritableNumber(value: unknown): value is number {
  return typeof value === 'number' && dqdlNumber(value) !== undefined;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
}

/**
 * True when the expectation says "no bad rows at all" on a metric counting bad rows (or their
 * percent): `= 0`, `<= 0`, and for whole row counts `< 1`.
 */
export function expectsZero(expectation: Expectation, unit: 'rows' | 'percent'): boolean {
  if (expectation.kind !== 'within' || expectation.bounds.length !== 1) return false;
  const { operator, value } = expectation.bounds[0];
  if (value === 0) return operator === '=' || operator === '<=';
  return unit === 'rows' && value === 1 && operator === '<';
}

/** Every number of the expectation, e.g. to check that percents lie within 0–100. */
export function expectationValues(expectation: Expectation): number[] {
  return expectation.kind === 'within' ? expectation.bounds.map((b) => b.value) : [expectation.low, expectation.high];
}

const FLIPPED: Record<ComparisonOperator, ComparisonOperator> = {
  '=': '=', '!=': '!=', '>': '<', '>=': '<=', '<': '>', '<=': '>=',
};

/**
 * Turns an expectation on the percent of bad rows into one on the ratio of good rows, which is what
 * DQDL measures (`Completeness`, `Uniqueness`, `with threshold`): "at most 5 % null" becomes
 * "completeness at least 0.95".
 */
export function toPassingRatio(expectation: Expectation): Expectation {
  const ratio = (percent: number): number => roundRatio(1 - percent / 100);
  if (expectation.kind === 'outside') {
    return { kind: 'outside', low: ratio(expectation.high), high: ratio(expectation.low) };
  }
  // Flipping turns the lower bound into the upper one; reverse to keep the lower bound first.
  return {
    kind: 'within',
    bounds: expectation.bounds.map((b) => ({ operator: FLIPPED[b.operator], value: ratio(b.value) })).reverse(),
  };
}

/** `> 5` etc.; numbers were checked when the expectation was read. */
export function condition(operator: ComparisonOperator, value: number): string {
  return `${operator} ${dqdlNumber(value)}`;
}

/**
 * The rule for an expectation, given how to write the rule around one condition. Two bounds become
 * `(A) and (B)`, an excluded range `(A) or (B)`: composite rules DQDL evaluates per rule and combines.
 */
export function renderExpectation(expectation: Expectation, ruleWith: (condition: string) => string): string {
  if (expectation.kind === 'outside') {
    return `(${ruleWith(condition('<', expectation.low))}) or (${ruleWith(condition('>', expectation.high))})`;
  }
  const parts = expectation.bounds.map((b) => ruleWith(condition(b.operator, b.value)));
  return parts.length === 1 ? parts[0] : parts.map((part) => `(${part})`).join(' and ');
}

/** The single condition of a one-bound expectation (what `with threshold` accepts), else `undefined`. */
export function singleCondition(expectation: Expectation): string | undefined {
  if (expectation.kind !== 'within' || expectation.bounds.length !== 1) return undefined;
  return condition(expectation.bounds[0].operator, expectation.bounds[0].value);
}
