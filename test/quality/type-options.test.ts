import { compileRuleset } from '../../lib/quality';
import { ContractColumn } from '../../lib/contract/model';
import { NO_SLA, column, table } from './fixtures';

function rulesFor(col: ContractColumn): readonly string[] {
  return compileRuleset(table([col]), NO_SLA).rules;
}

function skippedFor(col: ContractColumn): Array<{ code: string; path: string; reason: string }> {
  return compileRuleset(table([col]), NO_SLA).skipped.map(({ code, path, reason }) => ({ code, path, reason }));
}

const NOT_NULL = (name: string): string => ` where "\`${name}\` is not null"`;

describe('logicalTypeOptions on a required column', () => {
  const required = (options: Record<string, unknown>, overrides: Partial<ContractColumn> = {}): ContractColumn =>
    column('code', { required: true, logicalTypeOptions: options, ...overrides });

  test('pattern → ColumnValues matches', () => {
    expect(rulesFor(required({ pattern: 'ACC[0-9]{8}' }))).toEqual(['IsComplete "code"', 'ColumnValues "code" matches "ACC[0-9]{8}"']);
  });

  test('minLength and maxLength → one ColumnLength rule per bound', () => {
    expect(rulesFor(required({ minLength: 2, maxLength: 8 })))
      .toEqual(['IsComplete "code"', 'ColumnLength "code" >= 2', 'ColumnLength "code" <= 8']);
  });

  test('equal minLength and maxLength → ColumnLength =', () => {
    expect(rulesFor(required({ minLength: 11, maxLength: 11 }))).toEqual(['IsComplete "code"', 'ColumnLength "code" = 11']);
  });

  test('minimum and maximum → inclusive ColumnValues bounds (dqdl between is exclusive)', () => {
    expect(rulesFor(required({ minimum: 0, maximum: 500.5 }, { type: 'double', logicalType: 'number' })))
      .toEqual(['IsComplete "code"', 'ColumnValues "code" >= 0', 'ColumnValues "code" <= 500.5']);
  });

  test('equal minimum and maximum → ColumnValues =', () => {
    expect(rulesFor(required({ minimum: 3, maximum: 3 }, { type: 'int', logicalType: 'integer' })))
      .toEqual(['IsComplete "code"', 'ColumnValues "code" = 3']);
  });

  test('v3.1 numeric exclusiveMinimum/exclusiveMaximum → strict bounds', () => {
    expect(rulesFor(required({ exclusiveMinimum: -1.5, exclusiveMaximum: 100 }, { type: 'int', logicalType: 'integer' })))
      .toEqual(['IsComplete "code"', 'ColumnValues "code" > -1.5', 'ColumnValues "code" < 100']);
  });

  test('v3.0.2 boolean exclusiveMinimum/exclusiveMaximum make minimum/maximum strict', () => {
    expect(rulesFor(required({ minimum: 18, exclusiveMinimum: true, maximum: 100, exclusiveMaximum: false }, { type: 'int' })))
      .toEqual(['IsComplete "code"', 'ColumnValues "code" > 18', 'ColumnValues "code" <= 100']);
  });

  test('yyyy-mm-dd bounds on a date column → date comparisons', () => {
    expect(rulesFor(required({ exclusiveMinimum: '2020-01-01', maximum: '2021-01-01' }, { type: 'date', logicalType: 'date' })))
      .toEqual(['IsComplete "code"', 'ColumnValues "code" > "2020-01-01"', 'ColumnValues "code" <= "2021-01-01"']);
  });

  test('enum → ColumnValues in, numbers kept numeric', () => {
    expect(rulesFor(required({ enum: [1, 2, 3] }, { type: 'int' }))).toEqual(['IsComplete "code"', 'ColumnValues "code" in [1, 2, 3]']);
  });

  test('validValues → ColumnValues in, empty string as EMPTY, numbers quoted among strings', () => {
    expect(rulesFor(required({ validValues: ['open', '', 7] })))
      .toEqual(['IsComplete "code"', 'ColumnValues "code" in ["open", EMPTY, "7"]']);
  });

  test('descriptive options (format, timezone) produce nothing', () => {
    expect(skippedFor(required({ format: 'uuid', timezone: true, defaultTimezone: 'UTC' }))).toEqual([]);
    expect(rulesFor(required({ format: 'uuid' }))).toEqual(['IsComplete "code"']);
  });

  test('the order of rules does not depend on key order in the contract', () => {
    const a = rulesFor(required({ pattern: 'x', maxLength: 3, minimum: 1 }));
    const b = rulesFor(required({ minimum: 1, maxLength: 3, pattern: 'x' }));
    expect(a).toEqual(b);
    expect(a).toEqual(['IsComplete "code"', 'ColumnLength "code" <= 3', 'ColumnValues "code" >= 1', 'ColumnValues "code" matches "x"']);
  });
});

describe('logicalTypeOptions on a nullable column let nulls pass', () => {
  test('pattern gets a where clause', () => {
    expect(rulesFor(column('iban', { logicalTypeOptions: { pattern: '^DE\\d{20}$' } })))
      .toEqual([`ColumnValues "iban" matches "^DE\\d{20}$"${NOT_NULL('iban')}`]);
  });

  test('lengths and bounds get a where clause', () => {
    expect(rulesFor(column('age', { type: 'int', logicalTypeOptions: { minimum: 18, maxLength: 3 } })))
      .toEqual([`ColumnLength "age" <= 3${NOT_NULL('age')}`, `ColumnValues "age" >= 18${NOT_NULL('age')}`]);
  });

  test('an enumeration that lists null needs no where clause', () => {
    expect(rulesFor(column('status', { logicalTypeOptions: { enum: ['a', null] } }))).toEqual(['ColumnValues "status" in ["a", NULL]']);
  });

  test('backquotes in the column name are doubled inside the where clause', () => {
    expect(rulesFor(column('odd`name', { logicalTypeOptions: { pattern: 'x' } })))
      .toEqual(['ColumnValues "odd`name" matches "x" where "`odd``name` is not null"']);
  });
});

describe('logicalTypeOptions that cannot be compiled', () => {
  test.each([
    [{ minLength: -1 }, 'LM411', 'minLength', 'minLength is -1; write a whole number of characters, 0 or more'],
    [{ maxLength: 2.5 }, 'LM411', 'maxLength', 'maxLength is 2.5; write a whole number of characters, 0 or more'],
    [{ pattern: 42 }, 'LM411', 'pattern', 'pattern is 42; write the regular expression as a string'],
    [{ pattern: 'abc\\' }, 'LM411', 'pattern', 'pattern "abc\\\\" ends in a lone backslash; escape it as \\\\ or remove it'],
    [{ minimum: { a: 1 } }, 'LM411', 'minimum', 'minimum is {"a":1}; write a number, or a yyyy-mm-dd date on date columns'],
    [{ minimum: 1.5e-25 }, 'LM411', 'minimum', 'minimum is 1.5e-25, which dqdl cannot write; use a plain number'],
    [{ exclusiveMinimum: true }, 'LM413', 'exclusiveMinimum', 'exclusiveMinimum is true but minimum is missing; add minimum or remove exclusiveMinimum'],
    [{ enum: [] }, 'LM411', 'enum', 'enum is []; write a non-empty list such as ["open", "closed"]'],
    [{ enum: ['a\nb'] }, 'LM411', 'enum', 'enum contains "a\\nb", which holds a line break or other control character that a dqdl string cannot carry; remove it from the list'],
    [{ validValues: [true] }, 'LM411', 'validValues', 'validValues contains true; only strings, numbers and null can be listed'],
    [{ multipleOf: 5 }, 'LM413', 'multipleOf', 'multipleOf 5 on code has no dqdl check and is not enforced; check it with a sql rule if it matters'],
    [{ uniqueItems: true }, 'LM413', 'uniqueItems', 'uniqueItems true on code has no dqdl check and is not enforced; check it with a sql rule if it matters'],
  ])('%j is skipped with %s', (options, code, key, reason) => {
    expect(skippedFor(column('code', { required: true, logicalTypeOptions: options })))
      .toEqual([{ code, path: `schema.orders.properties.code.logicalTypeOptions.${key}`, reason }]);
  });

  test('a timestamp bound is skipped: dqdl compares only yyyy-mm-dd dates', () => {
    const ts = column('created_at', { type: 'timestamp', logicalType: 'timestamp', logicalTypeOptions: { minimum: '2020-01-01 00:00:00', format: 'yyyy-MM-dd HH:mm:ss' } });
    expect(skippedFor(ts)).toEqual([{
      code: 'LM413',
      path: 'schema.orders.properties.created_at.logicalTypeOptions.minimum',
      reason: 'minimum is "2020-01-01 00:00:00" (format yyyy-MM-dd HH:mm:ss) on timestamp column created_at; dqdl compares only dates written '
        + 'yyyy-mm-dd on date columns, so write the bound that way or check it with a sql rule',
    }]);
  });

  test('value options on a nested column are skipped once', () => {
    const nested = column('items', { type: 'array<string>', nested: true, logicalTypeOptions: { minLength: 1, pattern: 'x', maxItems: 3 } });
    expect(skippedFor(nested)).toEqual([{
      code: 'LM413',
      path: 'schema.orders.properties.items.logicalTypeOptions',
      reason: 'minLength, pattern cannot be checked on items, a nested array<string> column; check the nested values with a sql rule instead',
    }]);
  });

  test('an invalid bound does not stop the other bound from compiling', () => {
    const col = column('code', { required: true, logicalTypeOptions: { minLength: 'two', maxLength: 8 } });
    expect(rulesFor(col)).toEqual(['IsComplete "code"', 'ColumnLength "code" <= 8']);
    expect(skippedFor(col).map((s) => s.path)).toEqual(['schema.orders.properties.code.logicalTypeOptions.minLength']);
  });
});
