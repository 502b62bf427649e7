/**
 * Column value constraints: the allowed values (enum) and `logicalTypeOptions` bounds. Narrowing the
 * allowed values is breaking (data already stored may hold a removed value); tightening any other
 * constraint is a warning (data quality checks may start failing), relaxing it is info.
 */
import { ContractColumn } from '../contract/model';
import { ChangeSet } from './change-set';
import { canonicalJson, show } from './describe';

/** Quality metrics whose `validValues` argument lists the allowed values (v3.1 and v3.0 names). */
const ENUM_METRICS: readonly string[] = ['invalidValues', 'validValues'];

/** Bounds where a larger value allows less. */
const LOWER_BOUNDS: readonly string[] = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'];
/** Bounds where a smaller value allows less. */
const UPPER_BOUNDS: readonly string[] = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'];
/** Options that shape the Glue type; a change shows up as a type change instead. */
const TYPE_OPTIONS: readonly string[] = ['precision', 'scale', 'enum'];

/**
 * The values a column may hold, or undefined when any value is allowed. Both `logicalTypeOptions.enum`
 * and quality rules with `validValues` count; when several are given, a value must pass all of them.
 */
export function allowedValues(column: ContractColumn): readonly string[] | undefined {
  const lists: string[][] = [];
  const fromOptions = column.logicalTypeOptions.enum;
  if (Array.isArray(fromOptions)) lists.push(fromOptions.map(valueText));
  for (const rule of column.quality) {
    const valid = rule.arguments.validValues;
    if (rule.metric !== undefined && ENUM_METRICS.includes(rule.metric) && Array.isArray(valid)) lists.push(valid.map(valueText));
  }
  if (lists.length === 0) return undefined;
  return lists.reduce((kept, list) => kept.filter((value) => list.includes(value)));
}

/** True for a quality rule that only restates the allowed values (compared by `diffAllowedValues`). */
export function isEnumRule(rule: ContractColumn['quality'][number]): boolean {
  return rule.metric !== undefined && ENUM_METRICS.includes(rule.metric) && Array.isArray(rule.arguments.validValues);
}

export function diffAllowedValues(changes: ChangeSet, path: string, old: ContractColumn, next: ContractColumn): void {
  const before = allowedValues(old);
  const after = allowedValues(next);
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    changes.breaking('column-enum-narrowed', path, `allowed values narrowed from any value to ${show(after)}`);
    return;
  }
  if (after === undefined) {
    changes.info('column-enum-widened', path, `allowed values widened from ${show(before)} to any value`);
    return;
  }
  const removed = before.filter((value) => !after.includes(value));
  const added = after.filter((value) => !before.includes(value));
  if (removed.length > 0) {
    changes.breaking('column-enum-narrowed', path, `allowed values narrowed from ${show(before)} to ${show(after)} (removed ${show(removed)})`);
  } else if (added.length > 0) {
    changes.info('column-enum-widened', path, `allowed values widened from ${show(before)} to ${show(after)} (added ${show(added)})`);
  }
}

export function diffTypeOptions(changes: ChangeSet, path: string, old: ContractColumn, next: ContractColumn): void {
  const keys = new Set([...Object.keys(old.logicalTypeOptions), ...Object.keys(next.logicalTypeOptions)]);
  for (const key of [...keys].sort()) {
    if (TYPE_OPTIONS.includes(key)) continue;
    const before = old.logicalTypeOptions[key];
    const after = next.logicalTypeOptions[key];
    if (canonicalJson(before) === canonicalJson(after)) continue;
    const direction = constraintDirection(key, before, after);
    const message = `${key} ${direction === 'changed' ? 'changed' : direction} from ${show(before)} to ${show(after)}`;
    if (direction === 'relaxed') changes.info('column-constraint-relaxed', path, message);
    else if (direction === 'tightened') changes.warning('column-constraint-tightened', path, message);
    else changes.warning('column-constraint-changed', path, message);
  }
}

type Direction = 'tightened' | 'relaxed' | 'changed';

/** Whether going from `before` to `after` allows fewer values, more values, or cannot be told. */
function constraintDirection(key: string, before: unknown, after: unknown): Direction {
  // v3.0 wrote exclusiveMinimum/Maximum and uniqueItems as booleans: true allows less.
  if (isFlag(before) && isFlag(after)) return after === true ? 'tightened' : 'relaxed';
  if (key === 'required') return requiredDirection(before, after);
  const lower = LOWER_BOUNDS.includes(key);
  if (!lower && !UPPER_BOUNDS.includes(key)) return 'changed';
  // A bound added limits values; a bound dropped frees them.
  if (before === undefined) return 'tightened';
  if (after === undefined) return 'relaxed';
  const order = compareBounds(before, after);
  if (order === undefined) return 'changed';
  return (lower ? order < 0 : order > 0) ? 'tightened' : 'relaxed';
}

function isFlag(value: unknown): boolean {
  return value === undefined || typeof value === 'boolean';
}

/** Object `required` field lists: more names allow less. */
function requiredDirection(before: unknown, after: unknown): Direction {
  const was = Array.isArray(before) ? before.map(valueText) : [];
  const now = Array.isArray(after) ? after.map(valueText) : [];
  if (was.every((name) => now.includes(name))) return 'tightened';
  if (now.every((name) => was.includes(name))) return 'relaxed';
  return 'changed';
}

/** Numbers (or numeric strings) numerically, ISO dates chronologically; otherwise undefined. */
function compareBounds(before: unknown, after: unknown): number | undefined {
  const a = numeric(before);
  const b = numeric(after);
  if (a !== undefined && b !== undefined) return a - b;
  if (typeof before === 'string' && typeof after === 'string') {
    const dateA = Date.parse(before);
    const dateB = Date.parse(after);
    if (!Number.isNaN(dateA) && !Number.isNaN(dateB)) return dateA - dateB;
  }
  return undefined;
}

function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : canonicalJson(value);
}
