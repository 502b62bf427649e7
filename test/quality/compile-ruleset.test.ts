import { MAX_RULESET_LENGTH, compileRuleset } from '../../lib/quality';
import { NO_SLA, column, rule, table } from './fixtures';
import { lex, topLevelRules } from './dqdl-lexer';

describe('compileRuleset on a full table', () => {
  const orders = table(
    [
      column('order_id', { required: true, unique: true, primaryKey: true, type: 'bigint', logicalType: 'integer' }),
      column('rcvr_cntry_code', {
        logicalName: 'RcvrCntryCode',
        required: true,
        logicalTypeOptions: { minLength: 2, maxLength: 2, pattern: '^[A-Z]{2}$' },
        quality: [
          rule({ metric: 'nullValues', mustBe: 0, description: 'column should not contain null values' }),
          rule({ type: 'text', description: 'codes follow ISO 3166' }),
        ],
      }),
      column('amount', {
        type: 'decimal(10,2)',
        logicalType: 'number',
        logicalTypeOptions: { minimum: 0 },
        quality: [rule({ type: 'sql', query: 'select count(*) from ${object} where ${column} > 1000000', mustBe: 0 })],
      }),
      column('status', {
        quality: [rule({ metric: 'invalidValues', mustBeLessOrEqualTo: 5, unit: 'percent', arguments: { validValues: ['open', 'closed'] } })],
      }),
      column('txn_ref_dt', { type: 'date', logicalType: 'date', required: true }),
    ],
    {
      primaryKey: ['order_id'],
      quality: [
        rule({ metric: 'rowCount', mustBeGreaterThan: 1000000 }),
        rule({ type: 'custom', engine: 'soda', implementation: 'type: duplicate_percent' }),
      ],
    },
  );
  const result = compileRuleset(orders, { freshness: { maxAgeHours: 96, element: 'orders.txn_ref_dt' } });

  test('produces the exact ruleset, in contract order', () => {
    expect(result.ruleset).toBe([
      'Rules = [',
      '  IsPrimaryKey "order_id",',
      '  IsComplete "rcvr_cntry_code",',
      '  ColumnLength "rcvr_cntry_code" = 2,',
      '  ColumnValues "rcvr_cntry_code" matches "^[A-Z]{2}$",',
      '  ColumnValues "amount" >= 0 where "`amount` is not null",',
      '  CustomSql "select count(*) from primary where `amount` > 1000000" = 0,',
      '  ColumnValues "status" in ["open", "closed"] where "`status` is not null" with threshold >= 0.95,',
      '  IsComplete "txn_ref_dt",',
      '  RowCount > 1000000,',
      '  DataFreshness "txn_ref_dt" <= 96 hours',
      ']',
    ].join('\n'));
  });

  test('lists the rules one by one', () => {
    expect(result.rules).toHaveLength(10);
    expect(result.rules[0]).toBe('IsPrimaryKey "order_id"');
    expect(topLevelRules(result.ruleset as string)).toHaveLength(10);
  });

  test('reports the rules it skipped with codes, paths and source positions', () => {
    expect(result.skipped).toEqual([
      {
        code: 'LM401',
        path: 'schema.orders.properties.RcvrCntryCode.quality[1]',
        reason: 'text rules describe quality in prose and cannot run; restate it as a library metric or a sql rule to have glue check it',
        location: orders.columns[1].quality[1].location,
      },
      {
        code: 'LM402',
        path: 'schema.orders.quality[1]',
        reason: 'custom rules for engine "soda" are not compiled to dqdl; restate it as a library metric or a sql rule to have glue check it',
        location: orders.quality[1].location,
      },
    ]);
  });

  test('the same input always gives the same text', () => {
    expect(compileRuleset(orders, { freshness: { maxAgeHours: 96, element: 'orders.txn_ref_dt' } })).toEqual(result);
  });
});

describe('compileRuleset ordering and deduplication', () => {
  test('partition keys take their place in contract order', () => {
    const day = column('day', { required: true, partitioned: true });
    const id = column('id', { required: true });
    const late = column('late', { required: true });
    // Fixtures sit on later lines the later they are created: day, then id, then late.
    expect(compileRuleset(table([id, late], { partitionKeys: [day] }), NO_SLA).rules)
      .toEqual(['IsComplete "day"', 'IsComplete "id"', 'IsComplete "late"']);
  });

  test('a rule stated twice (required and nullValues mustBe 0) is kept once', () => {
    const id = column('id', { required: true, quality: [rule({ metric: 'nullValues', mustBe: 0 })] });
    expect(compileRuleset(table([id]), NO_SLA).rules).toEqual(['IsComplete "id"']);
  });
});

describe('compileRuleset skips what it cannot compile', () => {
  test('an unknown quality type → LM403', () => {
    const result = compileRuleset(table([], { quality: [rule({ type: 'great-expectations' })] }), NO_SLA);
    expect(result.skipped.map(({ code, reason }) => ({ code, reason }))).toEqual([{
      code: 'LM403',
      reason: 'quality type "great-expectations" is not library, sql, text or custom; use one of those',
    }]);
  });

  test('a custom rule without an engine → LM402', () => {
    const result = compileRuleset(table([], { quality: [rule({ type: 'custom' })] }), NO_SLA);
    expect(result.skipped[0].reason).toBe('custom rules are not compiled to dqdl; restate it as a library metric or a sql rule to have glue check it');
  });

  test('a column DQDL cannot name has all its rules skipped as one LM410', () => {
    const hostile = column('x", RowCount > 0, IsComplete "y', {
      required: true,
      unique: true,
      quality: [rule({ metric: 'nullValues' })],
    });
    const result = compileRuleset(table([hostile, column('ok', { required: true })]), NO_SLA);
    expect(result.rules).toEqual(['IsComplete "ok"']);
    expect(result.skipped).toEqual([{
      code: 'LM410',
      path: 'schema.orders.properties.x", RowCount > 0, IsComplete "y',
      reason: 'column name "x\\", RowCount > 0, IsComplete \\"y" contains a double quote, backslash or control character, which a dqdl rule cannot name; '
        + 'give the column a physicalName without them to compile its rules (3 rule(s) not compiled)',
      location: hostile.location,
    }]);
  });

  test('a column name with a line break is skipped, not written across lines', () => {
    const result = compileRuleset(table([column('a\nb', { required: true })]), NO_SLA);
    expect(result.ruleset).toBeUndefined();
    expect(result.skipped.map((s) => s.code)).toEqual(['LM410']);
  });
});

describe('compileRuleset against hostile contracts', () => {
  test('values, patterns and queries cannot close their strings and add rules', () => {
    const inject = '", IsComplete "injected", RowCount > 0, ColumnValues "x" in ["';
    const hostile = table([
      column('status', {
        required: true,
        logicalTypeOptions: { enum: [inject, 'ok\\'], pattern: `^a${inject}\\\\$` },
        quality: [
          rule({ metric: 'missingValues', mustBe: 0, arguments: { missingValues: [inject] } }),
          rule({ type: 'sql', query: `select count(*) from {object} where status = '${inject}'`, mustBe: 0 }),
        ],
      }),
    ]);
    const result = compileRuleset(hostile, NO_SLA);
    expect(result.rules).toHaveLength(4);
    expect(topLevelRules(result.ruleset as string)).toEqual([
      'IsComplete "…"',
      'ColumnValues "…" matches "…"',
      'ColumnValues "…" in ["…", "…"]',
      'ColumnValues "…" not in [NULL, "…"]',
    ]);
    expect(result.skipped.map((s) => s.code)).toEqual(['LM412']);
    expect(lex(result.rules[2]).strings.slice(1).map((raw) => raw.replace(/\\(.)/g, '$1'))).toEqual([inject, 'ok\\']);
  });
});

describe('compileRuleset size limit', () => {
  test('leaves out trailing rules past glue\'s 65,536 characters and says which', () => {
    const long = 'x'.repeat(1000);
    const columns = Array.from({ length: 80 }, (_, i) => column(`c${i}`, { required: true, logicalTypeOptions: { pattern: long } }));
    const result = compileRuleset(table(columns), NO_SLA);
    expect((result.ruleset as string).length).toBeLessThanOrEqual(MAX_RULESET_LENGTH);
    expect(result.rules.length).toBeGreaterThan(100);
    expect(result.rules.length).toBeLessThan(160);
    const dropped = result.skipped.filter((s) => s.code === 'LM418');
    expect(result.rules.length + dropped.length).toBe(160);
    expect(dropped[dropped.length - 1]).toEqual({
      code: 'LM418',
      path: 'schema.orders.properties.c79.logicalTypeOptions.pattern',
      reason: "the ruleset would exceed glue's 65536-character limit, so this rule was left out; move some checks to another table or drop less important ones",
      location: columns[79].location,
    });
  });

  test('rules that fit in exactly 65,536 characters are kept; the first rule past the limit is left out', () => {
    const fixed = 'Rules = [\n  IsComplete "a",\n  ColumnValues "a" matches ""\n]'.length;
    const compileWith = (patternLength: number) => compileRuleset(table([
      column('a', { required: true, logicalTypeOptions: { pattern: 'y'.repeat(patternLength) } }),
      column('b', { required: true }),
    ]), NO_SLA);

    const exact = compileWith(MAX_RULESET_LENGTH - fixed);
    expect(exact.rules).toHaveLength(2);
    expect(exact.ruleset).toHaveLength(MAX_RULESET_LENGTH);
    expect(exact.skipped.map((s) => [s.code, s.path])).toEqual([['LM418', 'schema.orders.properties.b.required']]);

    const over = compileWith(MAX_RULESET_LENGTH - fixed + 1);
    expect(over.rules).toEqual(['IsComplete "a"']);
    expect(over.skipped.map((s) => [s.code, s.path])).toEqual([
      ['LM418', 'schema.orders.properties.a.logicalTypeOptions.pattern'],
      ['LM418', 'schema.orders.properties.b.required'],
    ]);
  });
});
