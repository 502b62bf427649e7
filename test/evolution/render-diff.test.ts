/** Text and JSON renderings of a diff. */
import { ContractDiff } from '../../lib/evolution/model';
import { changeLine, diffAsJson, diffAsText, productLabel } from '../../lib/evolution/render-diff';
import { contract } from '../support/contract-factory';

const typeChanged = { severity: 'breaking', code: 'column-type-changed', path: 'orders.amount', message: 'type changed from decimal(10,2) to string' } as const;
const pkChanged = { severity: 'warning', code: 'primary-key-changed', path: 'orders', message: 'primary key changed from (a) to (a, b)' } as const;
const added = { severity: 'info', code: 'column-added', path: 'orders.note', message: 'column added (string)' } as const;

function diff(overrides: Partial<ContractDiff>): ContractDiff {
  return { changes: [], oldVersion: '1.2.0', newVersion: '1.3.0', majorBumped: false, breaking: false, blocked: false, ...overrides };
}

describe('diffAsText', () => {
  test('one aligned line per change, severities grouped, then a blocked verdict naming the next major', () => {
    const text = diffAsText(diff({ changes: [typeChanged, pkChanged, added], breaking: true, blocked: true }), 'sales.orders');
    expect(text).toBe(
      [
        'BREAKING  orders.amount: type changed from decimal(10,2) to string',
        '',
        'WARNING   orders: primary key changed from (a) to (a, b)',
        '',
        'INFO      orders.note: column added (string)',
        '',
        'sales.orders 1.2.0 → 1.3.0: 1 breaking, 1 warning, 1 info — blocked: breaking changes need a new major version (2.0.0)',
        '',
      ].join('\n'),
    );
  });

  test('says a breaking change is allowed when the major version went up', () => {
    const text = diffAsText(diff({ changes: [typeChanged], newVersion: '2.0.0', majorBumped: true, breaking: true }), 'orders');
    expect(text).toBe(
      'BREAKING  orders.amount: type changed from decimal(10,2) to string\n\n' +
        'orders 1.2.0 → 2.0.0: 1 breaking, 0 warnings, 0 info — allowed: breaking changes come with the new major version 2.0.0\n',
    );
  });

  test('calls changes without breaking ones compatible', () => {
    expect(diffAsText(diff({ changes: [added] }), 'orders')).toBe(
      'INFO      orders.note: column added (string)\n\norders 1.2.0 → 1.3.0: 0 breaking, 0 warnings, 1 info — compatible\n',
    );
  });

  test('says when there are no changes', () => {
    expect(diffAsText(diff({}), 'orders')).toBe('orders 1.2.0 → 1.3.0: no changes\n');
  });
});

test('changeLine pads every severity to the same width', () => {
  expect([typeChanged, pkChanged, added].map((change) => changeLine(change).indexOf('orders'))).toEqual([10, 10, 10]);
});

test('diffAsJson carries the files, versions, verdict and changes', () => {
  expect(diffAsJson(diff({ changes: [typeChanged], breaking: true, blocked: true }), { old: 'a.yaml', new: 'b.yaml' })).toEqual({
    old: { file: 'a.yaml', version: '1.2.0' },
    new: { file: 'b.yaml', version: '1.3.0' },
    majorBumped: false,
    breaking: true,
    blocked: true,
    changes: [typeChanged],
  });
});

test('productLabel names the domain and product, or the product alone', () => {
  expect(productLabel(contract())).toBe('sales.orders');
  expect(productLabel(contract({ domain: undefined }))).toBe('orders');
});
