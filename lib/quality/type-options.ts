/**
 * `logicalTypeOptions` → DQDL value checks: lengths (`ColumnLength`), numeric and date bounds,
 * `pattern` and enumerations (`ColumnValues`). Rules come out in a fixed order (lengths, bounds,
 * pattern, enumerations) so that key order in the YAML never changes the ruleset.
 *
 * Bounds become one rule each rather than DQDL `between`, which compares exclusively while ODCS
 * `minimum`/`maximum` are inclusive. `exclusiveMinimum`/`exclusiveMaximum` are bounds of their own
 * (v3.1: a number or a date) or flags on `minimum`/`maximum` (v3.0.x: a boolean).
 */
import { ContractColumn, ContractTable } from '../contract/model';
import { condition, describe } from './expectation';
import { dqdlNumber, dqdlRegex, dqdlString } from './dqdl';
import { columnLengthRule, columnValuesRule } from './column-rules';
import { columnPath, isDateColumn } from './table-columns';
import { LocatedOutcome, QualitySkipCode, RuleOutcome, compiled, skip } from './types';
import { dqdlValueList, readValueList } from './value-list';

/** Options that constrain values and compile to rules. */
const VALUE_OPTIONS = [
  'minLength', 'maxLength', 'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'pattern', 'enum', 'validValues',
] as const;

/** Options that constrain values but have no DQDL check; each is reported when it constrains anything. */
const UNCHECKED_OPTIONS = ['multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'required'] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface OptionContext {
  readonly column: ContractColumn;
  readonly options: Readonly<Record<string, unknown>>;
  readonly path: string;
}

export function compileTypeOptions(table: ContractTable, column: ContractColumn): LocatedOutcome[] {
  const options = column.logicalTypeOptions;
  const ctx: OptionContext = { column, options, path: `${columnPath(table, column)}.logicalTypeOptions` };
  const located = (key: string, outcome: RuleOutcome): LocatedOutcome => ({ path: `${ctx.path}.${key}`, location: column.location, outcome });

  const present = VALUE_OPTIONS.filter((key) => options[key] !== undefined);
  if (column.nested && present.length > 0) {
    return [{
      path: ctx.path,
      location: column.location,
      outcome: skip(
        QualitySkipCode.unsupportedTypeOption,
        `${present.join(', ')} cannot be checked on ${column.name}, a nested ${column.type} column; `
          + 'check the nested values with a sql rule instead',
      ),
    }];
  }
  return [
    ...compileLengths(ctx).map(([key, outcome]) => located(key, outcome)),
    ...compileBounds(ctx).map(([key, outcome]) => located(key, outcome)),
    ...compilePattern(ctx).map(([key, outcome]) => located(key, outcome)),
    ...compileEnumerations(ctx).map(([key, outcome]) => located(key, outcome)),
    ...reportUnchecked(ctx).map(([key, outcome]) => located(key, outcome)),
  ];
}

type KeyedOutcome = readonly [key: string, outcome: RuleOutcome];

function compileLengths({ column, options }: OptionContext): KeyedOutcome[] {
  const valid = (key: 'minLength' | 'maxLength'): number | undefined => {
    const value = options[key];
    return Number.isInteger(value) && (value as number) >= 0 ? (value as number) : undefined;
  };
  const minLength = valid('minLength');
  const maxLength = valid('maxLength');
  if (minLength !== undefined && minLength === maxLength) {
    return [['minLength', compiled(columnLengthRule(column, condition('=', minLength)))]];
  }
  const outcomes: KeyedOutcome[] = [];
  for (const [key, length, operator] of [['minLength', minLength, '>='], ['maxLength', maxLength, '<=']] as const) {
    if (options[key] === undefined) continue;
    outcomes.push([key, length === undefined
      ? skip(QualitySkipCode.unwritableValue, `${key} is ${describe(options[key])}; write a whole number of characters, 0 or more`)
      : compiled(columnLengthRule(column, condition(operator, length)))]);
  }
  return outcomes;
}

interface ValueBound {
  readonly key: string;
  readonly operator: '>' | '>=' | '<' | '<=';
  readonly value: unknown;
}

function compileBounds(ctx: OptionContext): KeyedOutcome[] {
  const { options } = ctx;
  const lower = boundsOf(options, 'minimum', 'exclusiveMinimum', '>=', '>');
  const upper = boundsOf(options, 'maximum', 'exclusiveMaximum', '<=', '<');
  const bounds = [...lower, ...upper];
  const inclusiveLower = lower.length === 1 && lower[0].operator === '>=' ? lower[0] : undefined;
  const inclusiveUpper = upper.length === 1 && upper[0].operator === '<=' ? upper[0] : undefined;
  if (inclusiveLower && inclusiveUpper && inclusiveLower.value === inclusiveUpper.value) {
    return [[inclusiveLower.key, boundRule(ctx, inclusiveLower, '=')]];
  }
  return bounds.map((bound) => [bound.key, boundRule(ctx, bound, bound.operator)]);
}

/** The bounds one side declares: the plain key, the exclusive key, or the plain key made exclusive by a v3.0 boolean. */
function boundsOf(
  options: Readonly<Record<string, unknown>>,
  plainKey: string,
  exclusiveKey: string,
  inclusive: ValueBound['operator'],
  exclusive: ValueBound['operator'],
): ValueBound[] {
  const plain = options[plainKey];
  const flagOrBound = options[exclusiveKey];
  if (typeof flagOrBound === 'boolean') {
    if (plain === undefined) return flagOrBound ? [{ key: exclusiveKey, operator: exclusive, value: undefined }] : [];
    return [{ key: plainKey, operator: flagOrBound ? exclusive : inclusive, value: plain }];
  }
  const bounds: ValueBound[] = [];
  if (plain !== undefined) bounds.push({ key: plainKey, operator: inclusive, value: plain });
  if (flagOrBound !== undefined) bounds.push({ key: exclusiveKey, operator: exclusive, value: flagOrBound });
  return bounds;
}

function boundRule({ column, options }: OptionContext, bound: ValueBound, operator: '=' | ValueBound['operator']): RuleOutcome {
  const { key, value } = bound;
  if (value === undefined) {
    const plainKey = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
    return skip(QualitySkipCode.unsupportedTypeOption, `${key} is true but ${plainKey} is missing; add ${plainKey} or remove ${key}`);
  }
  if (typeof value === 'number') {
    if (dqdlNumber(value) === undefined) {
      return skip(QualitySkipCode.unwritableValue, `${key} is ${describe(value)}, which dqdl cannot write; use a plain number`);
    }
    return compiled(columnValuesRule(column, condition(operator, value)));
  }
  if (typeof value === 'string' && ISO_DATE.test(value) && isDateColumn(column)) {
    return compiled(columnValuesRule(column, `${operator} ${dqdlString(value)}`));
  }
  if (typeof value === 'string') {
    const format = typeof options.format === 'string' ? ` (format ${options.format})` : '';
    return skip(
      QualitySkipCode.unsupportedTypeOption,
      `${key} is ${describe(value)}${format} on ${column.type} column ${column.name}; dqdl compares only dates written `
        + 'yyyy-mm-dd on date columns, so write the bound that way or check it with a sql rule',
    );
  }
  return skip(QualitySkipCode.unwritableValue, `${key} is ${describe(value)}; write a number, or a yyyy-mm-dd date on date columns`);
}

function compilePattern({ column, options }: OptionContext): KeyedOutcome[] {
  const pattern = options.pattern;
  if (pattern === undefined) return [];
  if (typeof pattern !== 'string' || pattern.length === 0) {
    return [['pattern', skip(QualitySkipCode.unwritableValue, `pattern is ${describe(pattern)}; write the regular expression as a string`)]];
  }
  const regex = dqdlRegex(pattern);
  if (regex === undefined) {
    return [['pattern', skip(QualitySkipCode.unwritableValue, `pattern ${JSON.stringify(pattern)} ends in a lone backslash; escape it as \\\\ or remove it`)]];
  }
  return [['pattern', compiled(columnValuesRule(column, `matches ${regex}`))]];
}

function compileEnumerations({ column, options }: OptionContext): KeyedOutcome[] {
  return (['enum', 'validValues'] as const)
    .filter((key) => options[key] !== undefined)
    .map((key) => {
      const read = readValueList(key, options[key]);
      if (read.kind === 'problem') return [key, skip(QualitySkipCode.unwritableValue, read.problem)];
      const listsNull = read.values.includes(null);
      return [key, compiled(columnValuesRule(column, `in ${dqdlValueList(read.values)}`, { letNullsPass: !column.required && !listsNull }))];
    });
}

function reportUnchecked({ column, options }: OptionContext): KeyedOutcome[] {
  return UNCHECKED_OPTIONS
    .filter((key) => options[key] !== undefined && options[key] !== false && options[key] !== 0)
    .map((key) => [key, skip(
      QualitySkipCode.unsupportedTypeOption,
      `${key} ${describe(options[key])} on ${column.name} has no dqdl check and is not enforced; check it with a sql rule if it matters`,
    )]);
}
