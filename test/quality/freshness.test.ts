import { compileRuleset } from '../../lib/quality';
import { ContractSla } from '../../lib/contract/model';
import { column, table } from './fixtures';

const orders = table(
  [
    column('order_id'),
    column('txn_ref_dt', { logicalName: 'TxnRefDate', type: 'date', logicalType: 'date' }),
    column('loaded_at', { type: 'timestamp', logicalType: 'timestamp' }),
    column('status'),
  ],
  { logicalName: 'tab1' },
);

function compile(sla: ContractSla) {
  const result = compileRuleset(orders, sla);
  return { rules: result.rules, skipped: result.skipped.map(({ code, path, reason }) => ({ code, path, reason })) };
}

describe('freshness sla → DataFreshness', () => {
  test('element table.column on this table → DataFreshness <= N hours', () => {
    expect(compile({ freshness: { maxAgeHours: 96, element: 'tab1.txn_ref_dt' } }).rules).toEqual(['DataFreshness "txn_ref_dt" <= 96 hours']);
  });

  test('the table and column may be named by their ODCS or Glue names, in any case', () => {
    expect(compile({ freshness: { maxAgeHours: 4, element: 'ORDERS.TxnRefDate' } }).rules).toEqual(['DataFreshness "txn_ref_dt" <= 4 hours']);
  });

  test('a fraction of an hour is written in minutes', () => {
    expect(compile({ freshness: { maxAgeHours: 1.5, element: 'tab1.loaded_at' } }).rules).toEqual(['DataFreshness "loaded_at" <= 90 minutes']);
  });

  test('several comma-separated elements → one rule per element of this table', () => {
    expect(compile({ freshness: { maxAgeHours: 24, element: 'tab1.txn_ref_dt, other.created_at, tab1.loaded_at' } }).rules)
      .toEqual(['DataFreshness "txn_ref_dt" <= 24 hours', 'DataFreshness "loaded_at" <= 24 hours']);
  });

  test('an element naming another table is left to that table, without a warning', () => {
    expect(compile({ freshness: { maxAgeHours: 24, element: 'customers.updated_at' } })).toEqual({ rules: [], skipped: [] });
  });

  test('a bare column name of this table is measured here', () => {
    expect(compile({ freshness: { maxAgeHours: 2, element: 'loaded_at' } }).rules).toEqual(['DataFreshness "loaded_at" <= 2 hours']);
  });

  test('a bare column name this table lacks is left to other tables', () => {
    expect(compile({ freshness: { maxAgeHours: 2, element: 'updated_at' } })).toEqual({ rules: [], skipped: [] });
  });

  test('no freshness sla, no rule', () => {
    expect(compile({ retentionDays: 30 })).toEqual({ rules: [], skipped: [] });
  });
});

describe('freshness slas that are skipped', () => {
  test.each([
    [{ maxAgeHours: 4 }, 'LM414',
      'the freshness sla (4 hours) has no column to measure; set element: tab1.<timestamp column> on the latency sla property'],
    [{ maxAgeHours: 4, element: 'tab1.nope' }, 'LM415',
      'the freshness sla element "tab1.nope" names no column of table tab1; name one of its date or timestamp properties'],
    [{ maxAgeHours: 4, element: 'tab1.status' }, 'LM416',
      'the freshness sla element "tab1.status" is a string column; DataFreshness measures date or timestamp columns, so name one'],
    [{ maxAgeHours: 0.001, element: 'tab1.loaded_at' }, 'LM417',
      'the freshness sla allows 0.001 hours; write a positive age in whole minutes or more'],
    [{ maxAgeHours: 0, element: 'tab1.loaded_at' }, 'LM417',
      'the freshness sla allows 0 hours; write a positive age in whole minutes or more'],
  ])('%j is skipped with %s', (freshness, code, reason) => {
    expect(compile({ freshness })).toEqual({ rules: [], skipped: [{ code, path: 'slaProperties', reason }] });
  });
});
