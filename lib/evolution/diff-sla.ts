/**
 * Service levels. Shorter retention deletes data consumers may rely on (warning; a retention added
 * where there was none is the same); a longer or dropped one keeps more (info). A tighter freshness
 * promise is info; a looser or dropped one is a warning (consumers get staler data); measuring it on
 * another column is info.
 */
import { ContractSla } from '../contract/model';
import { ChangeSet } from './change-set';

export function diffSla(changes: ChangeSet, old: ContractSla, next: ContractSla): void {
  const retentionBefore = old.retentionDays;
  const retentionAfter = next.retentionDays;
  if (retentionBefore !== retentionAfter) {
    const message = `retention changed from ${days(retentionBefore)} to ${days(retentionAfter)}`;
    const shortened = retentionAfter !== undefined && (retentionBefore === undefined || retentionAfter < retentionBefore);
    if (shortened) changes.warning('sla-retention-shortened', 'sla.retention', `${message}: older data will be deleted`);
    else changes.info('sla-retention-extended', 'sla.retention', message);
  }

  const freshnessBefore = old.freshness?.maxAgeHours;
  const freshnessAfter = next.freshness?.maxAgeHours;
  const elementBefore = old.freshness?.element;
  const elementAfter = next.freshness?.element;
  if (freshnessBefore === freshnessAfter && elementBefore === elementAfter) return;
  const message = `latency changed from ${hours(freshnessBefore, elementBefore)} to ${hours(freshnessAfter, elementAfter)}`;
  if (freshnessBefore === freshnessAfter) {
    changes.info('sla-freshness-changed', 'sla.latency', message);
    return;
  }
  const loosened = freshnessAfter === undefined || (freshnessBefore !== undefined && freshnessAfter > freshnessBefore);
  if (loosened) changes.warning('sla-freshness-loosened', 'sla.latency', `${message}: consumers may get staler data`);
  else changes.info('sla-freshness-tightened', 'sla.latency', message);
}

function days(value: number | undefined): string {
  return value === undefined ? 'unlimited' : `${value} ${value === 1 ? 'day' : 'days'}`;
}

function hours(value: number | undefined, element: string | undefined): string {
  if (value === undefined) return 'none';
  return `${value} ${value === 1 ? 'hour' : 'hours'}${element ? ` on ${element}` : ''}`;
}
