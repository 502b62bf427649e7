import { prettyJsonLength, quotedLength } from '../../lib/sharding/json-size';

/** What `cdk synth` writes: one-space indentation, UTF-8. */
const written = (value: unknown) => Buffer.byteLength(JSON.stringify(value, undefined, 1));

describe('prettyJsonLength', () => {
  const samples: [string, unknown][] = [
    ['a string', 'sales_orders'],
    ['a number, a boolean and null', [1, true, null]],
    ['empty containers', { a: [], b: {} }],
    ['nested objects and arrays', { Type: 'AWS::Glue::Table', Properties: { Columns: [{ Name: 'id', Type: 'bigint' }, { Name: 'amount', Type: 'decimal(10,2)' }] } }],
    ['quotes, backslashes and control characters', { text: 'a "quoted" \\ path\nwith a newline\ttab' }],
    ['non-ASCII text', { owner: 'Zoë Müller', city: '東京', emoji: '😀' }],
  ];

  test.each(samples)('is the length JSON.stringify(value, undefined, 1) writes: %s', (_, value) => {
    expect(prettyJsonLength(value)).toBe(written(value));
  });

  test('leaves out undefined members, as JSON does', () => {
    const value = { kept: 'x', dropped: undefined };
    expect(prettyJsonLength(value)).toBe(written(value));
    expect(prettyJsonLength({ dropped: undefined })).toBe(2);
  });

  test('counts the indentation of a value nested at a depth', () => {
    const inner = { Name: 'orders', Columns: ['a', 'b'] };
    const outer = { Resources: { Table: { Properties: inner } } };
    // inner sits at depth 3 of outer: the difference is exactly the rest of outer.
    const rest = written({ Resources: { Table: { Properties: 0 } } }) - 1;
    expect(prettyJsonLength(inner, 3)).toBe(written(outer) - rest);
  });
});

describe('quotedLength', () => {
  test('counts the quotes and each escape', () => {
    expect(quotedLength('abc')).toBe(5);
    expect(quotedLength('a"b')).toBe(Buffer.byteLength(JSON.stringify('a"b')));
  });
});
