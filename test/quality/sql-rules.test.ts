import { compileRuleset } from '../../lib/quality';
import { QualityRule } from '../../lib/contract/model';
import { NO_SLA, column, rule, table } from './fixtures';
import { lex, topLevelRules } from './dqdl-lexer';

function onTable(fields: Partial<QualityRule>) {
  const result = compileRuleset(table([column('amount', { logicalName: 'Amount' })], { logicalName: 'Orders', quality: [rule({ type: 'sql', ...fields })] }), NO_SLA);
  return { ...result, skipped: result.skipped.map(({ code, path, reason }) => ({ code, path, reason })) };
}

function onColumn(fields: Partial<QualityRule>) {
  const amount = column('amount', { logicalName: 'Amount', quality: [rule({ type: 'sql', ...fields })] });
  const result = compileRuleset(table([amount], { logicalName: 'Orders' }), NO_SLA);
  return { ...result, skipped: result.skipped.map(({ code, path, reason }) => ({ code, path, reason })) };
}

describe('type: sql → CustomSql', () => {
  test.each([
    ['{object}', 'select count(*) from {object}'],
    ['${object}', 'select count(*) from ${object}'],
    ['{table}', 'select count(*) from {table}'],
    ['${table}', 'select count(*) from ${ table }'],
  ])('the %s placeholder becomes primary', (_placeholder, query) => {
    expect(onTable({ query, mustBeGreaterThan: 0 }).rules).toEqual(['CustomSql "select count(*) from primary" > 0']);
  });

  test('the table\'s own name after from/join becomes primary (the ODCS accuracy example)', () => {
    expect(onTable({ query: 'select count(*) from Orders where amount <= 0 or amount >= 500', mustBe: 0 }).rules)
      .toEqual(['CustomSql "select count(*) from primary where amount <= 0 or amount >= 500" = 0']);
  });

  test('other tables and longer names are left alone', () => {
    expect(onTable({ query: 'select count(*) from orders o join orders_archive a on o.id = a.id', mustBe: 0 }).rules)
      .toEqual(['CustomSql "select count(*) from primary o join orders_archive a on o.id = a.id" = 0']);
  });

  test('column placeholders on a column rule become the backquoted column', () => {
    expect(onColumn({ query: 'SELECT COUNT(*) FROM ${table} WHERE ${column} < 0 OR {property} > 1e6', mustBe: 0 }).rules)
      .toEqual(['CustomSql "SELECT COUNT(*) FROM primary WHERE `amount` < 0 OR `amount` > 1e6" = 0']);
  });

  test('a multi-line query is joined onto one line', () => {
    expect(onTable({ query: 'select count(*)\n  from ${object}\r\n\twhere amount < 0\n', mustBeLessOrEqualTo: 2 }).rules)
      .toEqual(['CustomSql "select count(*) from primary where amount < 0" <= 2']);
  });

  test('single quotes and backslashes reach spark unchanged', () => {
    expect(onTable({ query: "select count(*) from {object} where note like '%\\'%'", mustBe: 0 }).rules)
      .toEqual(['CustomSql "select count(*) from primary where note like \'%\\\'%\'" = 0']);
  });

  test('mustBeBetween → composite CustomSql rule', () => {
    expect(onTable({ query: 'select avg(amount) from {object}', mustBeBetween: [10, 20] }).rules)
      .toEqual(['(CustomSql "select avg(amount) from primary" >= 10) and (CustomSql "select avg(amount) from primary" <= 20)']);
  });
});

describe('sql rules that are skipped', () => {
  const path = 'schema.Orders.quality[0]';

  test.each([
    [{ query: undefined, mustBe: 0 }, 'LM412', 'the sql rule has no query; add query: select count(*) from ${object} where …'],
    [{ query: '  ', mustBe: 0 }, 'LM412', 'the sql rule has no query; add query: select count(*) from ${object} where …'],
    [{ query: 'select 1 from {object}' }, 'LM405', 'the sql rule has no expectation; add mustBe (or another mustBe… key) to compare the query result with'],
    [{ query: 'select 1 from {object}', mustBe: true }, 'LM405', 'mustBe is true; write a plain number such as 0 or 1000'],
    [{ query: 'select count(*) from {object} where status = "open"', mustBe: 0 }, 'LM412',
      'the query contains a double quote, which glue passes on to spark as \\" and breaks the query; write string literals in single quotes and identifiers in backquotes'],
    [{ query: 'select count(*) -- all rows\nfrom {object}', mustBe: 0 }, 'LM412',
      'the query spans several lines and has a -- comment, which would swallow the rest once the lines are joined; use /* … */ comments or remove the comment'],
    [{ query: 'select count(*) from {object}\u0000', mustBe: 0 }, 'LM412', 'the query contains a control character; remove it'],
    [{ query: 'select count(*) from {object} where {column} is null', mustBe: 0 }, 'LM412',
      'the query uses a column placeholder but the rule sits on the table; move it under the property, or name the column'],
    [{ query: 'select count(*) from other_table', mustBe: 0 }, 'LM412',
      'the query does not read table Orders; write from ${object} (glue names the table primary)'],
    [{ query: 'select count(*) from {object} \\', mustBe: 0 }, 'LM412', 'the query ends in a lone backslash; remove it'],
  ])('%j is skipped with %s', (fields, code, reason) => {
    expect(onTable(fields)).toEqual({ ruleset: undefined, rules: [], skipped: [{ code, path, reason }] });
  });

  test('a hostile query cannot close the CustomSql string and add rules', () => {
    const hostile = 'select count(*) from {object}" = 0, IsComplete "x" , CustomSql "select 1';
    const result = onTable({ query: hostile, mustBe: 0 });
    expect(result.rules).toEqual([]);
    expect(result.skipped.map((s) => s.code)).toEqual(['LM412']);
  });

  test('a query with a lone backslash before a quote-like ending stays inside its string', () => {
    const result = onTable({ query: "select count(*) from {object} where note = '\\\\'", mustBe: 0 });
    expect(result.rules).toEqual(['CustomSql "select count(*) from primary where note = \'\\\\\'" = 0']);
    expect(topLevelRules(result.ruleset as string)).toEqual(['CustomSql "…" = 0']);
    expect(lex(result.rules[0]).strings).toEqual(["select count(*) from primary where note = '\\\\'"]);
  });
});
