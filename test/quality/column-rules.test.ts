import { compileRuleset } from '../../lib/quality';
import { NO_SLA, column, table } from './fixtures';

describe('required, unique and primary key', () => {
  test('required: true → IsComplete', () => {
    expect(compileRuleset(table([column('customer_id', { required: true })]), NO_SLA).rules)
      .toEqual(['IsComplete "customer_id"']);
  });

  test('unique: true → IsUnique', () => {
    expect(compileRuleset(table([column('email', { unique: true })]), NO_SLA).rules)
      .toEqual(['IsUnique "email"']);
  });

  test('a single-column primary key → IsPrimaryKey, which covers the column\'s required and unique', () => {
    const id = column('order_id', { required: true, unique: true, primaryKey: true });
    expect(compileRuleset(table([id], { primaryKey: ['order_id'] }), NO_SLA).rules)
      .toEqual(['IsPrimaryKey "order_id"']);
  });

  test('a composite primary key → IsPrimaryKey with every key column in key order', () => {
    const columns = [column('line_no', { required: true }), column('order_id', { required: true })];
    expect(compileRuleset(table(columns, { primaryKey: ['order_id', 'line_no'] }), NO_SLA).rules)
      .toEqual(['IsPrimaryKey "order_id" "line_no"', 'IsComplete "line_no"', 'IsComplete "order_id"']);
  });

  test('a primary key column DQDL cannot name is skipped with LM410', () => {
    const result = compileRuleset(table([column('a"b')], { primaryKey: ['a"b'] }), NO_SLA);
    expect(result.rules).toEqual([]);
    expect(result.skipped).toEqual([{
      code: 'LM410',
      path: 'schema.orders.primaryKey',
      reason: 'column name "a\\"b" contains a double quote, backslash or control character, which a dqdl rule cannot name; '
        + 'give the column a physicalName without them to compile its rules',
      location: { file: 'contracts/orders.odcs.yaml', line: 5, column: 5 },
    }]);
  });

  test('columns without constraints produce no rules and no ruleset', () => {
    const result = compileRuleset(table([column('note')]), NO_SLA);
    expect(result).toEqual({ ruleset: undefined, rules: [], skipped: [] });
  });
});
