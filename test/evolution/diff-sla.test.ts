/** Service levels: retention and freshness. */
import { ContractSla } from '../../lib/contract/model';
import { changesBetween, ordersWith } from './helpers';

function slaChanges(old: ContractSla, next: ContractSla) {
  return changesBetween(ordersWith(undefined, { sla: old }), ordersWith(undefined, { sla: next }));
}

describe('retention', () => {
  test('a shorter retention is a warning', () => {
    expect(slaChanges({ retentionDays: 365 }, { retentionDays: 30 })).toEqual([
      { severity: 'warning', code: 'sla-retention-shortened', path: 'sla.retention', message: 'retention changed from 365 days to 30 days: older data will be deleted' },
    ]);
  });

  test('a retention where there was none is a warning', () => {
    expect(slaChanges({}, { retentionDays: 1 })).toEqual([
      { severity: 'warning', code: 'sla-retention-shortened', path: 'sla.retention', message: 'retention changed from unlimited to 1 day: older data will be deleted' },
    ]);
  });

  test('a longer retention is info', () => {
    expect(slaChanges({ retentionDays: 30 }, { retentionDays: 90 })).toEqual([
      { severity: 'info', code: 'sla-retention-extended', path: 'sla.retention', message: 'retention changed from 30 days to 90 days' },
    ]);
  });

  test('dropping the retention is info (data is kept)', () => {
    expect(slaChanges({ retentionDays: 30 }, {}).map((change) => [change.severity, change.code])).toEqual([['info', 'sla-retention-extended']]);
  });
});

describe('freshness (latency)', () => {
  test('a tighter latency is info', () => {
    expect(slaChanges({ freshness: { maxAgeHours: 24 } }, { freshness: { maxAgeHours: 4 } })).toEqual([
      { severity: 'info', code: 'sla-freshness-tightened', path: 'sla.latency', message: 'latency changed from 24 hours to 4 hours' },
    ]);
  });

  test('a latency where there was none is info', () => {
    expect(slaChanges({}, { freshness: { maxAgeHours: 1 } }).map((change) => [change.severity, change.code])).toEqual([['info', 'sla-freshness-tightened']]);
  });

  test('a looser latency is a warning', () => {
    expect(slaChanges({ freshness: { maxAgeHours: 4, element: 'orders.ordered_at' } }, { freshness: { maxAgeHours: 24, element: 'orders.ordered_at' } })).toEqual([
      {
        severity: 'warning',
        code: 'sla-freshness-loosened',
        path: 'sla.latency',
        message: 'latency changed from 4 hours on orders.ordered_at to 24 hours on orders.ordered_at: consumers may get staler data',
      },
    ]);
  });

  test('dropping the latency is a warning', () => {
    expect(slaChanges({ freshness: { maxAgeHours: 4 } }, {}).map((change) => [change.severity, change.code])).toEqual([['warning', 'sla-freshness-loosened']]);
  });

  test('measuring it on another column is info', () => {
    expect(slaChanges({ freshness: { maxAgeHours: 4, element: 'orders.a' } }, { freshness: { maxAgeHours: 4, element: 'orders.b' } })).toEqual([
      { severity: 'info', code: 'sla-freshness-changed', path: 'sla.latency', message: 'latency changed from 4 hours on orders.a to 4 hours on orders.b' },
    ]);
  });
});
