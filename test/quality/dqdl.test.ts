import * as fc from 'fast-check';
import {
  dqdlNumber, dqdlRegex, dqdlSql, dqdlString, renderRuleset, roundRatio, unquotableColumnReason,
} from '../../lib/quality/dqdl';
import { lex, unescapeListValue } from './dqdl-lexer';

describe('dqdlString', () => {
  test('wraps plain text in double quotes', () => {
    expect(dqdlString('order-id')).toBe('"order-id"');
  });

  test('escapes double quotes and backslashes', () => {
    expect(dqdlString('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  test('a hostile value stays one string that the parser reads back unchanged', () => {
    const hostile = 'x", IsComplete "injected';
    const text = `ColumnValues "c" in [${dqdlString(hostile)}]`;
    const { strings, skeleton } = lex(text);
    expect(skeleton).toBe('ColumnValues "…" in ["…"]');
    expect(unescapeListValue(strings[1])).toBe(hostile);
  });

  test('a trailing backslash cannot escape the closing quote', () => {
    const { strings, skeleton } = lex(`${dqdlString('dir\\')}, RowCount > 0`);
    expect(skeleton).toBe('"…", RowCount > 0');
    expect(unescapeListValue(strings[0])).toBe('dir\\');
  });

  test('any string round-trips through the dqdl lexer as exactly one string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (value) => {
      const { strings, skeleton } = lex(dqdlString(value));
      return skeleton === '"…"' && strings.length === 1 && unescapeListValue(strings[0]) === value;
    }));
  });
});

describe('dqdlRegex', () => {
  test('keeps regex escapes as written, since glue hands the text to the regex engine unchanged', () => {
    expect(dqdlRegex('^[A-Z]{2}\\d+$')).toBe('"^[A-Z]{2}\\d+$"');
  });

  test('keeps an escaped backslash as a pair', () => {
    expect(dqdlRegex('a\\\\b')).toBe('"a\\\\b"');
  });

  test('escapes a bare double quote, which a regex reads as a double quote', () => {
    expect(dqdlRegex('say "hi"')).toBe('"say \\"hi\\""');
  });

  test('writes line breaks, tabs and other control characters as regex escapes', () => {
    expect(dqdlRegex('a\nb\r\tc\u0001')).toBe('"a\\nb\\r\\tc\\x01"');
  });

  test('an escaped line break becomes \\n rather than a backslash before a raw newline', () => {
    expect(dqdlRegex('a\\\nb')).toBe('"a\\nb"');
  });

  test('refuses a pattern ending in a lone backslash', () => {
    expect(dqdlRegex('abc\\')).toBeUndefined();
  });

  test('a hostile pattern cannot close the string and add a rule', () => {
    const hostile = '.*" , CustomSql "drop table x" = 0 , IsComplete "a';
    const { skeleton } = lex(`ColumnValues "c" matches ${dqdlRegex(hostile)}`);
    expect(skeleton).toBe('ColumnValues "…" matches "…"');
  });

  test('any pattern it accepts lexes as exactly one string without raw control characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (pattern) => {
      const quoted = dqdlRegex(pattern);
      if (quoted === undefined) return pattern.endsWith('\\');
      return lex(quoted).skeleton === '"…"' && !/[\u0000-\u001f\u007f]/.test(quoted);
    }));
  });
});

describe('dqdlSql', () => {
  test('quotes a query and keeps backslash pairs for spark', () => {
    expect(dqdlSql("select count(*) from primary where note = 'it\\'s'")).toBe('"select count(*) from primary where note = \'it\\\'s\'"');
  });

  test('refuses a query ending in a lone backslash', () => {
    expect(dqdlSql('select 1 \\')).toBeUndefined();
  });

  test('a query with a double quote cannot close the string', () => {
    const { skeleton } = lex(`CustomSql ${dqdlSql('select 1" > 0, IsComplete "x')} = 1`);
    expect(skeleton).toBe('CustomSql "…" = 1');
  });
});

describe('unquotableColumnReason', () => {
  test('accepts ordinary names, including spaces and dashes', () => {
    expect(unquotableColumnReason('order id-2')).toBeUndefined();
  });

  test.each([
    ['a"b', 'column name "a\\"b" contains a double quote, backslash or control character, which a dqdl rule cannot name; give the column a physicalName without them to compile its rules'],
    ['a\\b', 'column name "a\\\\b" contains a double quote, backslash or control character, which a dqdl rule cannot name; give the column a physicalName without them to compile its rules'],
    ['a\nb', 'column name "a\\nb" contains a double quote, backslash or control character, which a dqdl rule cannot name; give the column a physicalName without them to compile its rules'],
  ])('refuses %j', (name, reason) => {
    expect(unquotableColumnReason(name)).toBe(reason);
  });

  test('refuses an empty name', () => {
    expect(unquotableColumnReason('')).toBe('the column name is empty');
  });
});

describe('dqdlNumber', () => {
  test.each([
    [0, '0'], [-0, '0'], [42, '42'], [-7, '-7'], [0.95, '0.95'], [1e21, '1000000000000000000000'], [1.5e-7, '0.00000015'],
  ])('writes %p as %s', (value, text) => {
    expect(dqdlNumber(value)).toBe(text);
  });

  test.each([[Number.NaN], [Number.POSITIVE_INFINITY], [1.5e-25]])('cannot write %p', (value) => {
    expect(dqdlNumber(value)).toBeUndefined();
  });
});

test('roundRatio removes binary noise', () => {
  expect(1 - 0.07).not.toBe(0.93);
  expect(roundRatio(1 - 0.07)).toBe(0.93);
});

test('renderRuleset writes one rule per line', () => {
  expect(renderRuleset(['RowCount > 0', 'IsComplete "id"'])).toBe('Rules = [\n  RowCount > 0,\n  IsComplete "id"\n]');
});
