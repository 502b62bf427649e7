import { CONTRACT_CODES } from '../../lib/contract/codes';
import { baseContract, parsed, problems } from './helpers';

const sla = (...slaProperties: object[]) => parsed(baseContract({ slaProperties })).sla;

describe('retention', () => {
  test.each([
    [3, 'd', 3],
    [1, 'day', 1],
    [10, 'Days', 10],
    [2, 'm', 60],
    [1, 'month', 30],
    [6, 'months', 180],
    [3, 'y', 1095],
    [1, 'yr', 365],
    [1, 'year', 365],
    [7, 'years', 2555],
    [1.5, 'd', 2],
  ])('%d %s → %d days', (value, unit, days) => {
    expect(sla({ property: 'retention', value, unit }).retentionDays).toBe(days);
  });
});

describe('freshness', () => {
  test.each([
    ['latency', 4, 'h', 4],
    ['latency', 2, 'hours', 2],
    ['latency', 4, 'd', 96],
    ['freshness', 1, 'day', 24],
    ['latency', 30, 'm', 0.5],
    ['latency', 90, 'min', 1.5],
    ['freshness', 45, 'minutes', 0.75],
    ['latency', 7200, 's', 2],
  ])('%s %d %s → %d hours', (property, value, unit, hours) => {
    expect(sla({ property, value, unit }).freshness?.maxAgeHours).toBe(hours);
  });

  test('keeps the element it is measured on', () => {
    expect(sla({ property: 'latency', value: 1, unit: 'h', element: 'orders.ordered_at' }).freshness).toEqual({ maxAgeHours: 1, element: 'orders.ordered_at' });
  });

  test('other SLA properties are ignored', () => {
    expect(sla({ property: 'frequency', value: 1, unit: 'd' }, { property: 'generalAvailability', value: '2022-05-12' })).toEqual({
      retentionDays: undefined,
      freshness: undefined,
    });
  });
});

describe('fails when', () => {
  test('the retention unit is unknown', () => {
    expect(problems(baseContract({ slaProperties: [{ property: 'retention', value: 3, unit: 'w' }] }))).toEqual([
      [
        CONTRACT_CODES.invalidRetention,
        'slaProperties[0].unit',
        'retention unit "w" is not supported; use d/day/days, m/month/months (30 days) or y/yr/year/years (365 days)',
      ],
    ]);
  });

  test('the retention has no unit', () => {
    expect(problems(baseContract({ slaProperties: [{ property: 'retention', value: 3 }] }))).toEqual([
      [CONTRACT_CODES.invalidRetention, 'slaProperties[0]', 'retention needs a unit: d/day/days, m/month/months (30 days) or y/yr/year/years (365 days)'],
    ]);
  });

  test('the retention value is not a positive number', () => {
    expect(problems(baseContract({ slaProperties: [{ property: 'retention', value: '3y', unit: 'y' }] }))).toEqual([
      [
        CONTRACT_CODES.invalidRetention,
        'slaProperties[0].value',
        'retention needs a positive number as value, got a string ("3y"); write the number in value and the unit in unit (e.g. value: 3, unit: d)',
      ],
    ]);
  });

  test('the latency unit is unknown', () => {
    expect(problems(baseContract({ slaProperties: [{ property: 'latency', value: 3, unit: 'y' }] }))).toEqual([
      [CONTRACT_CODES.invalidFreshness, 'slaProperties[0].unit', 'latency unit "y" is not supported; use s/sec/seconds, m/min/minutes, h/hr/hours or d/day/days'],
    ]);
  });

  test('the freshness value is zero', () => {
    expect(problems(baseContract({ slaProperties: [{ property: 'freshness', value: 0, unit: 'h' }] }))).toEqual([
      [
        CONTRACT_CODES.invalidFreshness,
        'slaProperties[0].value',
        'freshness needs a positive number as value, got a number (0); write the number in value and the unit in unit (e.g. value: 3, unit: d)',
      ],
    ]);
  });

  test('latency and freshness are both set', () => {
    const slaProperties = [
      { property: 'latency', value: 1, unit: 'h' },
      { property: 'freshness', value: 2, unit: 'h' },
    ];
    expect(problems(baseContract({ slaProperties }))).toEqual([
      [CONTRACT_CODES.duplicateSla, 'slaProperties[1]', 'latency/freshness is set twice (also at slaProperties[0]); keep one'],
    ]);
  });

  test('retention is set twice', () => {
    const slaProperties = [
      { property: 'retention', value: 1, unit: 'y' },
      { property: 'retention', value: 2, unit: 'y' },
    ];
    expect(problems(baseContract({ slaProperties }))).toEqual([
      [CONTRACT_CODES.duplicateSla, 'slaProperties[1]', 'retention is set twice (also at slaProperties[0]); keep one'],
    ]);
  });
});
