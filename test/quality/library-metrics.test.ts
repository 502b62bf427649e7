import { compileRuleset } from '../../lib/quality';
import { ContractColumn, QualityRule } from '../../lib/contract/model';
import { NO_SLA, column, rule, table } from './fixtures';

/** Compiles one rule on a column (nullable unless said otherwise) and returns what came out. */
function onColumn(quality: Partial<QualityRule>, overrides: Partial<ContractColumn> = {}) {
  const result = compileRuleset(table([column('c', { quality: [rule(quality)], ...overrides })]), NO_SLA);
  return { rules: result.rules, skipped: result.skipped.map(({ code, path, reason }) => ({ code, path, reason })) };
}

function onTable(quality: Partial<QualityRule>, columns: ContractColumn[] = []) {
  const result = compileRuleset(table(columns, { quality: [rule(quality)] }), NO_SLA);
  return { rules: result.rules, skipped: result.skipped.map(({ code, path, reason }) => ({ code, path, reason })) };
}

const COLUMN_RULE = 'schema.orders.properties.c.quality[0]';
const TABLE_RULE = 'schema.orders.quality[0]';

describe('nullValues', () => {
  test('mustBe: 0 → IsComplete', () => {
    expect(onColumn({ metric: 'nullValues', mustBe: 0 }).rules).toEqual(['IsComplete "c"']);
  });

  test('v3.0 rule: nullCheck without an expectation means none → IsComplete', () => {
    expect(onColumn({ metric: 'nullCheck' }).rules).toEqual(['IsComplete "c"']);
  });

  test('percent → Completeness of the passing ratio', () => {
    expect(onColumn({ metric: 'nullValues', mustBeLessOrEqualTo: 5, unit: 'percent' }).rules).toEqual(['Completeness "c" >= 0.95']);
  });

  test('percent range → composite Completeness rule with inclusive bounds', () => {
    expect(onColumn({ metric: 'nullValues', mustBeBetween: [1, 7], unit: 'percent' }).rules)
      .toEqual(['(Completeness "c" >= 0.93) and (Completeness "c" <= 0.99)']);
  });

  test('a number of rows → CustomSql counting nulls', () => {
    expect(onColumn({ metric: 'nullValues', mustBeLessThan: 10, unit: 'rows' }).rules)
      .toEqual(['CustomSql "select count(*) from primary where `c` is null" < 10']);
  });

  test('mustBeLessThan: 1 row is the same as none → IsComplete', () => {
    expect(onColumn({ metric: 'nullValues', mustBeLessThan: 1 }).rules).toEqual(['IsComplete "c"']);
  });
});

describe('missingValues', () => {
  test('without a list it counts nulls → IsComplete', () => {
    expect(onColumn({ metric: 'missingValues', mustBe: 0 }).rules).toEqual(['IsComplete "c"']);
  });

  test('with a list → ColumnValues not in, null always counted as missing', () => {
    expect(onColumn({ metric: 'missingValues', mustBe: 0, arguments: { missingValues: ['', 'N/A', null] } }).rules)
      .toEqual(['ColumnValues "c" not in [NULL, EMPTY, "N/A"]']);
  });

  test('with a list and a percent → threshold on the passing ratio', () => {
    expect(onColumn({ metric: 'missingValues', mustBeLessThan: 5, unit: 'percent', arguments: { missingValues: ['N/A'] } }).rules)
      .toEqual(['ColumnValues "c" not in [NULL, "N/A"] with threshold > 0.95']);
  });

  test('with a list and a number of rows → CustomSql count', () => {
    expect(onColumn({ metric: 'missingValues', mustBeLessOrEqualTo: 3, arguments: { missingValues: ['', "it's"] } }).rules)
      .toEqual(['CustomSql "select count(*) from primary where `c` is null or `c` in (\'\', \'it\\\'s\')" <= 3']);
  });

  test('a range on a percent has no threshold form → LM407', () => {
    expect(onColumn({ metric: 'missingValues', mustBeBetween: [1, 2], unit: 'percent', arguments: { missingValues: ['x'] } }).skipped)
      .toEqual([{
        code: 'LM407',
        path: COLUMN_RULE,
        reason: 'a percent expectation on this metric becomes a dqdl "with threshold", which takes a single comparison; '
          + 'replace the range with one mustBeLessThan (or another single mustBe… key)',
      }]);
  });
});

describe('invalidValues', () => {
  test('validValues with no invalid rows → ColumnValues in, nulls let through on a nullable column', () => {
    expect(onColumn({ metric: 'invalidValues', mustBe: 0, arguments: { validValues: ['pounds', 'kg'] } }).rules)
      .toEqual(['ColumnValues "c" in ["pounds", "kg"] where "`c` is not null"']);
  });

  test('validValues on a required column → ColumnValues in without a where clause', () => {
    expect(onColumn({ metric: 'invalidValues', arguments: { validValues: ['pounds'] } }, { required: true }).rules)
      .toEqual(['IsComplete "c"', 'ColumnValues "c" in ["pounds"]']);
  });

  test('the ODCS example: at most 5 % invalid with "", null and "n/a" valid → threshold >= 0.95', () => {
    expect(onColumn({ metric: 'invalidValues', mustBeLessOrEqualTo: 5, unit: 'percent', arguments: { validValues: ['', null, 'n/a'] } }).rules)
      .toEqual(['ColumnValues "c" in [EMPTY, NULL, "n/a"] with threshold >= 0.95']);
  });

  test('v3.0 rule: validValues → ColumnValues in', () => {
    expect(onColumn({ metric: 'validValues', arguments: { validValues: [1, 2] } }).rules)
      .toEqual(['ColumnValues "c" in [1, 2] where "`c` is not null"']);
  });

  test('validValues with a number of rows → CustomSql count of non-null values outside the list', () => {
    expect(onColumn({ metric: 'invalidValues', mustBeLessThan: 5, unit: 'rows', arguments: { validValues: ['pounds', 'kg', null] } }).rules)
      .toEqual(['CustomSql "select count(*) from primary where `c` is not null and `c` not in (\'pounds\', \'kg\')" < 5']);
  });

  test('pattern with no invalid rows → ColumnValues matches', () => {
    expect(onColumn({ metric: 'invalidValues', mustBe: 0, arguments: { pattern: '^[A-Z]{2}\\d+$' } }, { required: true }).rules)
      .toEqual(['IsComplete "c"', 'ColumnValues "c" matches "^[A-Z]{2}\\d+$"']);
  });

  test('pattern with a percent → ColumnValues matches with threshold', () => {
    expect(onColumn({ metric: 'invalidValues', mustBeLessThan: 2, unit: 'percent', arguments: { pattern: '^x' } }).rules)
      .toEqual(['ColumnValues "c" matches "^x" where "`c` is not null" with threshold > 0.98']);
  });

  test('pattern with a number of rows → CustomSql rlike count, backslashes doubled for the spark literal', () => {
    expect(onColumn({ metric: 'invalidValues', mustBeLessThan: 3, arguments: { pattern: '^DE\\d+$' } }).rules)
      .toEqual(['CustomSql "select count(*) from primary where `c` is not null and not (`c` rlike \'^DE\\\\d+$\')" < 3']);
  });

  test.each([
    [{ validValues: ['a'], pattern: 'a' }, 'LM409', 'invalidValues sets both arguments.validValues and arguments.pattern; keep one, or split it into two rules'],
    [{}, 'LM409', 'invalidValues needs arguments.validValues (a list) or arguments.pattern (a regular expression)'],
    [{ validValues: [null] }, 'LM409', 'arguments.validValues lists only null; list the values a row may hold'],
    [{ validValues: 'a' }, 'LM409', 'arguments.validValues is "a"; write a non-empty list such as ["open", "closed"]'],
    [{ pattern: ['a'] }, 'LM409', 'arguments.pattern is ["a"]; write the regular expression as a string'],
    [{ pattern: 'a\\' }, 'LM411', 'arguments.pattern "a\\\\" ends in a lone backslash; escape it as \\\\ or remove it'],
  ])('arguments %j are skipped with %s', (args, code, reason) => {
    expect(onColumn({ metric: 'invalidValues', arguments: args }).skipped).toEqual([{ code, path: COLUMN_RULE, reason }]);
  });

  test('a double quote in a value cannot go into a CustomSql count → LM411', () => {
    expect(onColumn({ metric: 'invalidValues', mustBeLessThan: 3, arguments: { validValues: ['say "hi"'] } }).skipped).toEqual([{
      code: 'LM411',
      path: COLUMN_RULE,
      reason: 'arguments.validValues holds a double quote, which cannot appear in the CustomSql query that counts rows; '
        + 'remove it, or state the expectation with unit: percent or mustBe: 0',
    }]);
  });

  test('the same double quote is fine in a ColumnValues list', () => {
    expect(onColumn({ metric: 'invalidValues', arguments: { validValues: ['say "hi"'] } }, { required: true }).rules)
      .toEqual(['IsComplete "c"', 'ColumnValues "c" in ["say \\"hi\\""]']);
  });
});

describe('duplicateValues', () => {
  test('mustBe: 0 → IsUnique', () => {
    expect(onColumn({ metric: 'duplicateValues', mustBe: 0 }).rules).toEqual(['IsUnique "c"']);
  });

  test.each(['uniqueCheck', 'duplicateCount'])('v3.0 rule: %s → IsUnique', (name) => {
    expect(onColumn({ metric: name }).rules).toEqual(['IsUnique "c"']);
  });

  test('percent → Uniqueness of the passing ratio', () => {
    expect(onColumn({ metric: 'duplicateValues', mustBeLessThan: 1, unit: 'percent' }).rules).toEqual(['Uniqueness "c" > 0.99']);
  });

  test('a number of rows → CustomSql count of repeated values', () => {
    expect(onColumn({ metric: 'duplicateValues', mustBeLessOrEqualTo: 10 }).rules)
      .toEqual(['CustomSql "select count(*) - count(distinct `c`) from primary where `c` is not null" <= 10']);
  });

  test('at table level with arguments.properties → IsUnique over those columns, by their Glue names', () => {
    const columns = [column('tenant_id', { logicalName: 'TenantId' }), column('order_id')];
    expect(onTable({ metric: 'duplicateValues', mustBe: 0, arguments: { properties: ['TenantId', 'order_id'] } }, columns).rules)
      .toEqual(['IsUnique "tenant_id" "order_id"']);
  });

  test('at table level with a number of rows → CustomSql over the column combination', () => {
    const columns = [column('a'), column('b')];
    expect(onTable({ metric: 'duplicateValues', mustBeLessThan: 2, arguments: { properties: ['a', 'b'] } }, columns).rules)
      .toEqual(['CustomSql "select count(*) - count(distinct `a`, `b`) from primary where `a` is not null and `b` is not null" < 2']);
  });

  test('at table level without arguments.properties → LM408', () => {
    expect(onTable({ metric: 'duplicateValues', mustBe: 0 }).skipped).toEqual([{
      code: 'LM408',
      path: TABLE_RULE,
      reason: 'duplicateValues at table level needs arguments.properties listing the columns that must be unique together; got missing',
    }]);
  });

  test('at table level naming a missing column → LM408', () => {
    expect(onTable({ metric: 'duplicateValues', arguments: { properties: ['nope'] } }, [column('a')]).skipped).toEqual([{
      code: 'LM408',
      path: TABLE_RULE,
      reason: 'arguments.properties names "nope", which table orders does not have; use one of its property names',
    }]);
  });
});

describe('rowCount', () => {
  test('mustBeGreaterThan → RowCount >', () => {
    expect(onTable({ metric: 'rowCount', mustBeGreaterThan: 1000000 }).rules).toEqual(['RowCount > 1000000']);
  });

  test('v3.0 rule: countCheck with mustBeBetween → inclusive composite RowCount rule', () => {
    expect(onTable({ metric: 'countCheck', mustBeBetween: [100, 120] }).rules).toEqual(['(RowCount >= 100) and (RowCount <= 120)']);
  });

  test('mustNotBeBetween → RowCount outside the inclusive range', () => {
    expect(onTable({ metric: 'rowCount', mustNotBeBetween: [0, 10] }).rules).toEqual(['(RowCount < 0) or (RowCount > 10)']);
  });

  test('mustNotBe → RowCount !=', () => {
    expect(onTable({ metric: 'rowCount', mustNotBe: 0 }).rules).toEqual(['RowCount != 0']);
  });

  test('mustBe → RowCount =', () => {
    expect(onTable({ metric: 'rowCount', mustBe: 42 }).rules).toEqual(['RowCount = 42']);
  });

  test('a lower and an upper bound together → composite rule', () => {
    expect(onTable({ metric: 'rowCount', mustBeGreaterOrEqualTo: 5, mustBeLessThan: 100 }).rules)
      .toEqual(['(RowCount >= 5) and (RowCount < 100)']);
  });

  test('on a column it still counts the table rows', () => {
    expect(onColumn({ metric: 'rowCount', mustBeGreaterThan: 0 }).rules).toEqual(['RowCount > 0']);
  });
});

describe('library rules that are skipped', () => {
  test.each([
    [{ metric: undefined }, 'LM404', 'the library rule names no metric; set metric to nullValues, missingValues, invalidValues, duplicateValues or rowCount'],
    [{ metric: 'freshness' }, 'LM404', 'library metric "freshness" is not supported; use nullValues, missingValues, invalidValues, duplicateValues or rowCount, or write a sql rule'],
    [{ metric: 'rowCount', mustBeGreaterThan: 1, unit: 'kg' }, 'LM406', 'unit "kg" is not rows or percent; use one of those'],
    [{ metric: 'rowCount', mustBeGreaterThan: 1, unit: 'percent' }, 'LM406', 'rowCount counts rows; remove unit: percent'],
    [{ metric: 'rowCount' }, 'LM405', 'rowCount has no expectation; add mustBeGreaterThan (or another mustBe… key)'],
    [{ metric: 'rowCount', mustBe: 1, mustBeGreaterThan: 0 }, 'LM405', 'the rule sets mustBe and mustBeGreaterThan; keep one expectation (or one lower and one upper bound)'],
    [{ metric: 'rowCount', mustBe: 'zero' }, 'LM405', 'mustBe is "zero"; write a plain number such as 0 or 1000'],
    [{ metric: 'rowCount', mustBeBetween: [5, 1] }, 'LM405', 'mustBeBetween is [5, 1]; put the smaller number first'],
    [{ metric: 'rowCount', mustBeBetween: [5] }, 'LM405', 'mustBeBetween is [5]; write two plain numbers, smallest first, e.g. [100, 200]'],
    [{ metric: 'nullValues', mustBeLessThan: 150, unit: 'percent' }, 'LM405', 'unit is percent but the expectation uses 150; write percents from 0 to 100'],
    [{ metric: 'nullValues', mustBe: 0 }, 'LM408', 'nullValues checks one column; move the rule under the property it checks (properties[].quality)'],
    [{ metric: 'invalidValues', arguments: { validValues: ['a'] } }, 'LM408', 'invalidValues checks one column; move the rule under the property it checks (properties[].quality)'],
  ])('%j at table level is skipped with %s', (fields, code, reason) => {
    // Some entries are malformed on purpose (a one-number mustBeBetween), as a lenient parser may pass them on.
    expect(onTable(fields as Partial<QualityRule>)).toEqual({ rules: [], skipped: [{ code, path: TABLE_RULE, reason }] });
  });
});
