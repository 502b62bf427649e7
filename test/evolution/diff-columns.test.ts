/** The rules for a column present in both versions (one test per rule and direction). */
import { changesBetween, col, columnChanges, ordersWith, rule } from './helpers';

const id = col('order_id');

describe('column types', () => {
  test('a type change is breaking', () => {
    expect(columnChanges([id, col('amount', { type: 'decimal(10,2)' })], [id, col('amount', { type: 'string' })])).toEqual([
      { severity: 'breaking', code: 'column-type-changed', path: 'orders.amount', message: 'type changed from decimal(10,2) to string' },
    ]);
  });

  test('a widening Athena reads old data as is info', () => {
    expect(columnChanges([id, col('qty', { type: 'int' })], [id, col('qty', { type: 'bigint' })])).toEqual([
      { severity: 'info', code: 'column-type-widened', path: 'orders.qty', message: 'type widened from int to bigint' },
    ]);
  });

  test('the same type written differently is no change', () => {
    expect(columnChanges([id, col('amount', { type: 'decimal(10,2)' })], [id, col('amount', { type: 'DECIMAL(10, 2)' })])).toEqual([]);
  });

  test('a logical type change with the same glue type is info', () => {
    expect(
      columnChanges([id, col('day', { logicalType: 'string' })], [id, col('day', { logicalType: 'date' })]),
    ).toEqual([{ severity: 'info', code: 'column-logical-type-changed', path: 'orders.day', message: 'logical type changed from string to date' }]);
  });
});

describe('required and unique', () => {
  test('required false → true is breaking', () => {
    expect(columnChanges([col('order_id')], [col('order_id', { required: true })])).toEqual([
      { severity: 'breaking', code: 'column-required-tightened', path: 'orders.order_id', message: 'required tightened from false to true' },
    ]);
  });

  test('required true → false is info', () => {
    expect(columnChanges([col('order_id', { required: true })], [col('order_id')])).toEqual([
      { severity: 'info', code: 'column-required-relaxed', path: 'orders.order_id', message: 'required relaxed from true to false' },
    ]);
  });

  test('unique false → true is breaking', () => {
    expect(columnChanges([col('order_id')], [col('order_id', { unique: true })])).toEqual([
      { severity: 'breaking', code: 'column-unique-tightened', path: 'orders.order_id', message: 'unique tightened from false to true' },
    ]);
  });

  test('unique true → false is info', () => {
    expect(columnChanges([col('order_id', { unique: true })], [col('order_id')])).toEqual([
      { severity: 'info', code: 'column-unique-relaxed', path: 'orders.order_id', message: 'unique relaxed from true to false' },
    ]);
  });
});

describe('allowed values', () => {
  const channel = (values: readonly string[]) => col('channel', { logicalTypeOptions: { enum: values } });
  const channelRule = (values: readonly string[]) =>
    col('channel', { quality: [rule({ metric: 'invalidValues', mustBe: 0, arguments: { validValues: values } })] });

  test('removing a value from logicalTypeOptions.enum is breaking', () => {
    expect(columnChanges([channel(['web', 'app', 'store'])], [channel(['web', 'app'])])).toEqual([
      {
        severity: 'breaking',
        code: 'column-enum-narrowed',
        path: 'orders.channel',
        message: 'allowed values narrowed from ["web", "app", "store"] to ["web", "app"] (removed ["store"])',
      },
    ]);
  });

  test('adding a value is info', () => {
    expect(columnChanges([channel(['web'])], [channel(['web', 'app'])])).toEqual([
      { severity: 'info', code: 'column-enum-widened', path: 'orders.channel', message: 'allowed values widened from ["web"] to ["web", "app"] (added ["app"])' },
    ]);
  });

  test('replacing a value is breaking (one was removed)', () => {
    expect(columnChanges([channel(['web', 'app'])], [channel(['web', 'store'])]).map((change) => change.code)).toEqual(['column-enum-narrowed']);
  });

  test('reordering the values is no change', () => {
    expect(columnChanges([channel(['web', 'app'])], [channel(['app', 'web'])])).toEqual([]);
  });

  test('an invalidValues rule narrowed is breaking, and not also reported as a quality change', () => {
    expect(columnChanges([channelRule(['web', 'app'])], [channelRule(['web'])])).toEqual([
      { severity: 'breaking', code: 'column-enum-narrowed', path: 'orders.channel', message: 'allowed values narrowed from ["web", "app"] to ["web"] (removed ["app"])' },
    ]);
  });

  test('the v3.0 validValues rule counts as well', () => {
    const v30 = (values: readonly string[]) => col('channel', { quality: [rule({ metric: 'validValues', arguments: { validValues: values } })] });
    expect(columnChanges([v30(['web'])], [v30(['web', 'app'])]).map((change) => change.code)).toEqual(['column-enum-widened']);
  });

  test('restricting a column that allowed any value is breaking', () => {
    expect(columnChanges([col('channel')], [channel(['web'])])).toEqual([
      { severity: 'breaking', code: 'column-enum-narrowed', path: 'orders.channel', message: 'allowed values narrowed from any value to ["web"]' },
    ]);
  });

  test('dropping the restriction is info', () => {
    expect(columnChanges([channelRule(['web'])], [col('channel')])).toEqual([
      { severity: 'info', code: 'column-enum-widened', path: 'orders.channel', message: 'allowed values widened from ["web"] to any value' },
    ]);
  });

  test('with both an enum and a rule, only values allowed by both count', () => {
    const both = col('channel', {
      logicalTypeOptions: { enum: ['web', 'app', 'store'] },
      quality: [rule({ metric: 'invalidValues', arguments: { validValues: ['web', 'app'] } })],
    });
    // The effective set is [web, app] on both sides: dropping "store" from the enum changes nothing.
    expect(columnChanges([both], [{ ...both, logicalTypeOptions: { enum: ['web', 'app'] } }])).toEqual([]);
  });
});

describe('logicalTypeOptions constraints', () => {
  const withOptions = (options: Record<string, unknown>) => col('code', { logicalTypeOptions: options });

  test.each([
    [{ maxLength: 10 }, { maxLength: 5 }, 'maxLength tightened from 10 to 5'],
    [{ minLength: 1 }, { minLength: 2 }, 'minLength tightened from 1 to 2'],
    [{ minimum: 0 }, { minimum: 1 }, 'minimum tightened from 0 to 1'],
    [{ maximum: 100 }, { maximum: 50 }, 'maximum tightened from 100 to 50'],
    [{ minimum: '2020-01-01' }, { minimum: '2021-01-01' }, 'minimum tightened from "2020-01-01" to "2021-01-01"'],
    [{}, { maxLength: 10 }, 'maxLength tightened from none to 10'],
    [{ uniqueItems: false }, { uniqueItems: true }, 'uniqueItems tightened from false to true'],
    [{ required: ['a'] }, { required: ['a', 'b'] }, 'required tightened from ["a"] to ["a", "b"]'],
  ])('%j → %j is a warning', (before, after, message) => {
    expect(columnChanges([withOptions(before)], [withOptions(after)])).toEqual([
      { severity: 'warning', code: 'column-constraint-tightened', path: 'orders.code', message },
    ]);
  });

  test.each([
    [{ maxLength: 5 }, { maxLength: 10 }, 'maxLength relaxed from 5 to 10'],
    [{ minimum: '5' }, { minimum: 1 }, 'minimum relaxed from "5" to 1'],
    [{ maximum: 100 }, {}, 'maximum relaxed from 100 to none'],
    [{ exclusiveMinimum: true }, { exclusiveMinimum: false }, 'exclusiveMinimum relaxed from true to false'],
  ])('%j → %j is info', (before, after, message) => {
    expect(columnChanges([withOptions(before)], [withOptions(after)])).toEqual([
      { severity: 'info', code: 'column-constraint-relaxed', path: 'orders.code', message },
    ]);
  });

  test.each([
    [{ pattern: '^[A-Z]{2}$' }, { pattern: '^[A-Z]{3}$' }, 'pattern changed from "^[A-Z]{2}$" to "^[A-Z]{3}$"'],
    [{}, { format: 'email' }, 'format changed from none to "email"'],
    [{ minimum: 'yesterday' }, { minimum: 'today' }, 'minimum changed from "yesterday" to "today"'],
    [{ required: ['a'] }, { required: ['b'] }, 'required changed from ["a"] to ["b"]'],
  ])('%j → %j is a warning that cannot be ranked', (before, after, message) => {
    expect(columnChanges([withOptions(before)], [withOptions(after)])).toEqual([
      { severity: 'warning', code: 'column-constraint-changed', path: 'orders.code', message },
    ]);
  });

  test('precision and scale are left to the type rule', () => {
    expect(columnChanges([withOptions({ precision: 10, scale: 2 })], [withOptions({ precision: 12, scale: 2 })])).toEqual([]);
  });
});

describe('classification', () => {
  const classified = (classification?: string) => col('email', { classification });

  test('a more sensitive classification is a warning', () => {
    expect(columnChanges([classified('internal')], [classified('restricted')])).toEqual([
      {
        severity: 'warning',
        code: 'column-classification-raised',
        path: 'orders.email',
        message: 'classification changed from internal to restricted: consumers may lose access to the column',
      },
    ]);
  });

  test('classifying an unclassified column counts as raising it', () => {
    expect(columnChanges([classified()], [classified('public')]).map((change) => change.code)).toEqual(['column-classification-raised']);
  });

  test('a less sensitive classification is info', () => {
    expect(columnChanges([classified('confidential')], [classified('internal')])).toEqual([
      { severity: 'info', code: 'column-classification-lowered', path: 'orders.email', message: 'classification changed from confidential to internal' },
    ]);
  });

  test('leaving the most sensitive level is a warning: every role starts to see the column', () => {
    expect(columnChanges([classified('restricted')], [classified('confidential')])).toEqual([
      {
        severity: 'warning',
        code: 'column-classification-lowered',
        path: 'orders.email',
        message: 'classification changed from restricted to confidential: the column is no longer restricted, so every role that can read the table will see it',
      },
    ]);
  });

  test('a value outside the ontology is a warning', () => {
    expect(columnChanges([classified('internal')], [classified('secret')])).toEqual([
      {
        severity: 'warning',
        code: 'column-classification-changed',
        path: 'orders.email',
        message:
          'classification changed from internal to secret; one of them is not in the ontology ["public", "internal", "confidential", "restricted"], so the sensitivity change cannot be judged',
      },
    ]);
  });

  test('a custom ontology decides the order', () => {
    const old = ordersWith([classified('high')]);
    const next = ordersWith([classified('low')]);
    expect(changesBetween(old, next, { classifications: ['low', 'high'] })).toEqual([
      {
        severity: 'warning',
        code: 'column-classification-lowered',
        path: 'orders.email',
        message: 'classification changed from high to low: the column is no longer high, so every role that can read the table will see it',
      },
    ]);
  });
});

test('a description change is info', () => {
  expect(columnChanges([col('order_id', { description: 'old text' })], [col('order_id', { description: 'new text' })])).toEqual([
    { severity: 'info', code: 'column-description-changed', path: 'orders.order_id', message: 'description changed from "old text" to "new text"' },
  ]);
});

test('a long description is cut in the message', () => {
  const long = 'x'.repeat(80);
  const [change] = columnChanges([col('order_id')], [col('order_id', { description: long })]);
  expect(change.message).toBe(`description changed from none to "${'x'.repeat(59)}…"`);
});
