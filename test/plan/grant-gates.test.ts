import { grantGateProblems, isoDate } from '../../lib/plan/grant-gates';
import { ordersContract } from '../support/contract-factory';

const today = '2026-11-20';

describe('grantGateProblems', () => {
  test('lets an active contract without expiry through', () => {
    expect(grantGateProblems(ordersContract(), { today })).toEqual([]);
  });

  test('treats unknown statuses like active', () => {
    expect(grantGateProblems(ordersContract({ status: 'released' }), { today })).toEqual([]);
  });

  test('refuses a retired contract', () => {
    expect(grantGateProblems(ordersContract({ status: 'retired' }), { today })).toEqual([
      {
        code: 'LM390',
        path: 'status',
        message: 'contract "orders-contract" v1.2.0 is retired and can no longer be granted: remove the grant (and the product)',
      },
    ]);
  });

  test.each(['draft', 'proposed', 'Draft'])('refuses a %s contract: not shared across accounts', (status) => {
    expect(grantGateProblems(ordersContract({ status }), { today })).toEqual([
      {
        code: 'LM391',
        path: 'status',
        message: `contract "orders-contract" v1.2.0 has status "${status}"; draft and proposed products are not shared across accounts: set the status to active before granting`,
      },
    ]);
  });

  test('refuses a deprecated contract', () => {
    expect(grantGateProblems(ordersContract({ status: 'deprecated' }), { today })).toEqual([
      {
        code: 'LM392',
        path: 'status',
        message:
          'contract "orders-contract" v1.2.0 is deprecated and accepts no new grants: grant its successor instead, or remove the grant (a grant made before the deprecation stays with allowDeprecated: true)',
      },
    ]);
  });

  test('keeps a grant on a deprecated contract that existed before (allowDeprecated), and only there', () => {
    expect(grantGateProblems(ordersContract({ status: 'deprecated' }), { today, allowDeprecated: true })).toEqual([]);
    expect(grantGateProblems(ordersContract({ status: 'retired' }), { today, allowDeprecated: true }).map((p) => p.code)).toEqual(['LM390']);
    expect(grantGateProblems(ordersContract({ status: 'draft' }), { today, allowDeprecated: true }).map((p) => p.code)).toEqual(['LM391']);
  });

  test('accepts a grant on its last day and refuses it the day after', () => {
    expect(grantGateProblems(ordersContract(), { today, expires: today })).toEqual([]);
    expect(grantGateProblems(ordersContract(), { today, expires: '2026-11-19' })).toEqual([
      {
        code: 'LM393',
        path: 'expires',
        message: 'the grant expired on 2026-11-19 (today is 2026-11-20): renew it with a later expires date, or remove it',
      },
    ]);
  });

  test.each(['2026-02-30', '2026-1-05', '30.06.2027', '2027-06-30T00:00:00Z'])('refuses the expiry "%s"', (expires) => {
    expect(grantGateProblems(ordersContract(), { today, expires })).toEqual([
      {
        code: 'LM394',
        path: 'expires',
        message: `expires "${expires}" is not a calendar date in the form YYYY-MM-DD; write e.g. 2027-06-30`,
      },
    ]);
  });

  test('refuses a malformed today', () => {
    expect(grantGateProblems(ordersContract(), { today: 'tomorrow', expires: '2027-01-01' }).map((p) => p.path)).toEqual([
      'today',
    ]);
  });

  test('reports status and expiry together', () => {
    const codes = grantGateProblems(ordersContract({ status: 'retired' }), { today, expires: '2020-01-01' }).map((p) => p.code);
    expect(codes).toEqual(['LM390', 'LM393']);
  });
});

describe('isoDate', () => {
  test('is the UTC date', () => {
    expect(isoDate(new Date('2026-11-20T23:30:00-05:00'))).toBe('2026-11-21');
  });
});
