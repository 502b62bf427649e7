/** Column scopes: adding up, comparing with and without the table's columns, describing. */
import { ALL_COLUMNS, compareScopes, describeDelta, describeScope, scopeOf, unionScopes } from '../../lib/drift/column-scope';
import { ColumnScope } from '../../lib/drift/model';

const only = (...names: string[]): ColumnScope => ({ kind: 'only', names });
const except = (...excluded: string[]): ColumnScope => ({ kind: 'allExcept', excluded });
const TABLE = ['a', 'b', 'c'];

describe('scopeOf', () => {
  test('reads names, a wildcard, and a wildcard with exclusions', () => {
    expect(scopeOf(['b', 'a', 'a'], undefined, false)).toEqual(only('a', 'b'));
    expect(scopeOf(undefined, undefined, true)).toEqual(ALL_COLUMNS);
    expect(scopeOf(undefined, [], true)).toEqual(ALL_COLUMNS);
    expect(scopeOf(undefined, ['c'], true)).toEqual(except('c'));
  });
});

describe('unionScopes', () => {
  test.each([
    [only('a'), only('b'), only('a', 'b')],
    [only('a'), ALL_COLUMNS, ALL_COLUMNS],
    [except('a', 'b'), except('b', 'c'), except('b')],
    [except('a'), except('b'), ALL_COLUMNS],
    [except('a', 'b'), only('a'), except('b')],
    [only('a'), except('a'), ALL_COLUMNS],
  ])('%j with %j is %j', (a, b, expected) => {
    expect(unionScopes(a, b)).toEqual(expected);
  });

  test('keeps the one scope there is', () => {
    expect(unionScopes(undefined, only('a'))).toEqual(only('a'));
    expect(unionScopes(only('a'), undefined)).toEqual(only('a'));
    expect(unionScopes(undefined, undefined)).toBeUndefined();
  });
});

describe('compareScopes', () => {
  test('is exact when the table columns are known', () => {
    expect(compareScopes(only('a', 'b'), except('a'), TABLE)).toEqual({ beyond: { names: ['c'], others: true }, lacking: { names: ['a'], others: false } });
    expect(compareScopes(except('c'), only('a', 'b'), TABLE)).toEqual({ beyond: { names: [], others: false }, lacking: { names: [], others: false } });
  });

  test('counts a wildcard for a list as wider even when the table has no other column', () => {
    expect(compareScopes(only('a', 'b', 'c'), ALL_COLUMNS, TABLE).beyond).toEqual({ names: [], others: true });
  });

  test('without the table columns, compares lists and exclusions and flags what a wildcard may reach', () => {
    expect(compareScopes(only('a'), only('b'), undefined)).toEqual({ beyond: { names: ['b'], others: false }, lacking: { names: ['a'], others: false } });
    expect(compareScopes(except('a'), except('b'), undefined)).toEqual({ beyond: { names: ['a'], others: false }, lacking: { names: ['b'], others: false } });
    expect(compareScopes(only('a', 'b'), except('b'), undefined)).toEqual({ beyond: { names: [], others: true }, lacking: { names: ['b'], others: false } });
    expect(compareScopes(except('b'), only('a', 'b'), undefined)).toEqual({ beyond: { names: ['b'], others: false }, lacking: { names: [], others: true } });
    expect(compareScopes(ALL_COLUMNS, ALL_COLUMNS, undefined)).toEqual({ beyond: { names: [], others: false }, lacking: { names: [], others: false } });
  });
});

describe('descriptions', () => {
  test('name the columns', () => {
    expect(describeScope(ALL_COLUMNS)).toBe('all columns');
    expect(describeScope(only('a'))).toBe('column a');
    expect(describeScope(only('a', 'b'))).toBe('columns a, b');
    expect(describeScope(except('a'))).toBe('all columns except a');
    expect(describeDelta({ names: ['a'], others: false })).toBe('column a');
    expect(describeDelta({ names: ['a', 'b'], others: true })).toBe('columns a, b and columns the template does not list');
    expect(describeDelta({ names: [], others: true })).toBe('columns the template does not list');
  });
});
