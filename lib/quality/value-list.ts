/**
 * Lists of values from a contract (`validValues`, `missingValues`, `enum`) as DQDL `in [ … ]` lists
 * and as Spark SQL `in ( … )` lists.
 */
import { describe } from './expectation';
import { dqdlNumber, dqdlString, hasControlCharacter } from './dqdl';
import { sqlString } from './spark-sql';

export type ListValue = string | number | null;

export type ReadValueList =
  | { readonly kind: 'values'; readonly values: readonly ListValue[] }
  | { readonly kind: 'problem'; readonly problem: string };

/** Reads a list of strings, numbers and nulls; duplicates are dropped, order is kept. */
export function readValueList(name: string, raw: unknown): ReadValueList {
  if (!Array.isArray(raw) || raw.length === 0) {
    return { kind: 'problem', problem: `${name} is ${describe(raw)}; write a non-empty list such as ["open", "closed"]` };
  }
  const values: ListValue[] = [];
  for (const value of raw as unknown[]) {
    if (typeof value === 'string' && hasControlCharacter(value)) {
      return {
        kind: 'problem',
        problem: `${name} contains ${JSON.stringify(value)}, which holds a line break or other control character `
          + 'that a dqdl string cannot carry; remove it from the list',
      };
    }
    if (typeof value === 'number' && dqdlNumber(value) === undefined) {
      return { kind: 'problem', problem: `${name} contains ${value}, which dqdl cannot write; use a plain number` };
    }
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
      return {
        kind: 'problem',
        problem: `${name} contains ${describe(value)}; only strings, numbers and null can be listed`,
      };
    }
    if (!values.includes(value)) values.push(value);
  }
  return { kind: 'values', values };
}

/**
 * `[ "a", "b", NULL ]`. DQDL lists hold either numbers or strings: a list of numbers stays numeric,
 * numbers in a list with strings are quoted. An empty string is the `EMPTY` keyword.
 */
export function dqdlValueList(values: readonly ListValue[]): string {
  const numeric = values.every((value) => value === null || typeof value === 'number');
  const items = values.map((value) => {
    if (value === null) return 'NULL';
    if (value === '') return 'EMPTY';
    if (typeof value === 'number') return numeric ? (dqdlNumber(value) as string) : dqdlString(String(value));
    return dqdlString(value);
  });
  return `[${items.join(', ')}]`;
}

/**
 * `('a', 'b')` without nulls (SQL `in` never matches null), or `undefined` when nothing but null is
 * listed or a value holds a double quote, which the `CustomSql` string around the query cannot carry.
 */
export function sqlValueList(values: readonly ListValue[]): string | undefined {
  const present = values.filter((value): value is string | number => value !== null);
  if (present.length === 0) return undefined;
  if (present.some((value) => typeof value === 'string' && value.includes('"'))) return undefined;
  const numeric = present.every((value) => typeof value === 'number');
  const items = present.map((value) => (typeof value === 'number' && numeric ? String(dqdlNumber(value)) : sqlString(String(value))));
  return `(${items.join(', ')})`;
}
