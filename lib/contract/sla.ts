/**
 * `slaProperties` lakemesh acts on: `retention` (an S3 lifecycle rule, in whole days) and
 * `latency` / `freshness` (a data quality freshness rule, in hours). Other SLA properties
 * (`generalAvailability`, `frequency`, …) are documentation and pass through untouched.
 *
 * Units follow ODCS ("d, day, days for days; y, yr, years for years"). `m` means months for a
 * retention and minutes for a latency: the only readings that make sense for each.
 */
import { describe, PathSegment } from '../source/yaml-source';
import { ContractSla } from './model';
import { CONTRACT_CODES } from './codes';
import { ContractContext } from './context';
import { ACTED_ON_KEYS, ODCS_KEYS, OdcsSlaProperty } from './odcs-schema';

const RETENTION_DAYS_PER_UNIT: Readonly<Record<string, number>> = {
  d: 1, day: 1, days: 1,
  m: 30, month: 30, months: 30,
  y: 365, yr: 365, yrs: 365, year: 365, years: 365,
};
const RETENTION_UNITS = 'd/day/days, m/month/months (30 days) or y/yr/year/years (365 days)';

const FRESHNESS_HOURS_PER_UNIT: Readonly<Record<string, number>> = {
  s: 1 / 3600, sec: 1 / 3600, second: 1 / 3600, seconds: 1 / 3600,
  m: 1 / 60, min: 1 / 60, mins: 1 / 60, minute: 1 / 60, minutes: 1 / 60,
  h: 1, hr: 1, hrs: 1, hour: 1, hours: 1,
  d: 24, day: 24, days: 24,
};
const FRESHNESS_UNITS = 's/sec/seconds, m/min/minutes, h/hr/hours or d/day/days';

const FRESHNESS_PROPERTIES = new Set(['latency', 'freshness']);

export function contractSla(ctx: ContractContext, entries: readonly OdcsSlaProperty[] | undefined): ContractSla {
  let retentionDays: number | undefined;
  let freshness: ContractSla['freshness'];
  const firstAt = new Map<string, number>();

  (entries ?? []).forEach((entry, index) => {
    const path: PathSegment[] = ['slaProperties', index];
    ctx.checkNearMisses(entry, path, ACTED_ON_KEYS.slaProperty, ODCS_KEYS.slaProperty);
    const property = entry.property.toLowerCase();
    const kind = property === 'retention' ? 'retention' : FRESHNESS_PROPERTIES.has(property) ? 'freshness' : undefined;
    if (kind === undefined) return;

    const earlier = firstAt.get(kind);
    if (earlier !== undefined) {
      const what = kind === 'retention' ? 'retention' : 'latency/freshness';
      ctx.report(CONTRACT_CODES.duplicateSla, path, `${what} is set twice (also at slaProperties[${earlier}]); keep one`);
      return;
    }
    firstAt.set(kind, index);

    if (kind === 'retention') {
      const days = amount(ctx, entry, path, RETENTION_DAYS_PER_UNIT, RETENTION_UNITS, CONTRACT_CODES.invalidRetention);
      if (days !== undefined) retentionDays = Math.ceil(days);
    } else {
      const hours = amount(ctx, entry, path, FRESHNESS_HOURS_PER_UNIT, FRESHNESS_UNITS, CONTRACT_CODES.invalidFreshness);
      if (hours !== undefined) freshness = { maxAgeHours: hours, element: entry.element };
    }
  });

  return { retentionDays, freshness };
}

/** `value` × the unit's factor, or undefined after reporting what is wrong. */
function amount(
  ctx: ContractContext,
  entry: OdcsSlaProperty,
  path: readonly PathSegment[],
  factors: Readonly<Record<string, number>>,
  units: string,
  code: string,
): number | undefined {
  const name = entry.property;
  if (typeof entry.value !== 'number' || !Number.isFinite(entry.value) || entry.value <= 0) {
    ctx.report(code, [...path, 'value'], `${name} needs a positive number as value, got ${describe(entry.value)}; write the number in value and the unit in unit (e.g. value: 3, unit: d)`);
    return undefined;
  }
  if (entry.unit === undefined) {
    ctx.report(code, path, `${name} needs a unit: ${units}`);
    return undefined;
  }
  const factor = factors[entry.unit.trim().toLowerCase()];
  if (factor === undefined) {
    ctx.report(code, [...path, 'unit'], `${name} unit "${entry.unit}" is not supported; use ${units}`);
    return undefined;
  }
  return entry.value * factor;
}
