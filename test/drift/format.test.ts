/** The text and JSON reports. */
import { DRIFT_JSON_VERSION, driftAsJson } from '../../lib/drift/format-json';
import { driftAsText, itemLine } from '../../lib/drift/format-text';
import { AccountDrift, DriftItem, DriftReport } from '../../lib/drift/model';

const missing: DriftItem = {
  code: 'LMD01',
  kind: 'missing',
  principal: 'arn:aws:iam::444444444444:role/analyst',
  resource: 'database sales_orders',
  message: 'intended DESCRIBE is not granted',
  intended: { permissions: ['DESCRIBE'], grantOption: [], columns: null },
  live: null,
  sources: [{ stack: 'retail-governance', logicalId: 'AnalystDatabase' }],
};
const iamAllowed: DriftItem = { ...missing, code: 'LMD04', kind: 'iamAllowedPrincipals', principal: null, resource: 'data lake settings', message: 'CreateTableDefaultPermissions grants IAM_ALLOWED_PRINCIPALS', sources: [] };
const info: DriftItem = { ...missing, code: 'LMI01', kind: 'info', principal: null, resource: 'retail-governance/Grant', message: 'cannot be resolved' };

function account(id: string, items: DriftItem[], grantsCompared = 3): AccountDrift {
  return { account: id, region: 'eu-west-1', credentials: `arn:aws:iam::${id}:role/lakemesh-drift-reader`, stacks: ['retail-governance'], grantsCompared, items };
}

const drifted: DriftReport = { accounts: [account('111111111111', [missing, iamAllowed, info]), account('444444444444', [], 1)] };
const clean: DriftReport = { accounts: [account('111111111111', [info]), account('444444444444', [], 1)] };

describe('driftAsText', () => {
  test('prints a heading per account, one line per item and a summary', () => {
    expect(driftAsText(drifted)).toBe(
      [
        'account 111111111111 (eu-west-1) as arn:aws:iam::111111111111:role/lakemesh-drift-reader: 2 drift items, 1 not compared, 3 grants compared',
        '  missing      database sales_orders: arn:aws:iam::444444444444:role/analyst: intended DESCRIBE is not granted [LMD01]',
        '  iam-allowed  data lake settings: CreateTableDefaultPermissions grants IAM_ALLOWED_PRINCIPALS [LMD04]',
        '  info         retail-governance/Grant: cannot be resolved [LMI01]',
        'account 444444444444 (eu-west-1) as arn:aws:iam::444444444444:role/lakemesh-drift-reader: no drift, 1 grant compared',
        'drift: 2 items in 1 of 2 accounts',
        '',
      ].join('\n'),
    );
  });

  test('says there is no drift when only info items remain', () => {
    expect(driftAsText(clean).split('\n').slice(-2)).toEqual(['no drift: 2 accounts, 4 grants compared', '']);
  });

  test('aligns every kind label', () => {
    expect(itemLine({ ...missing, kind: 'wider' }).indexOf('database')).toBe(itemLine({ ...missing, kind: 'iamAllowedPrincipals' }).indexOf('database'));
  });
});

describe('driftAsJson', () => {
  test('is a versioned document with a summary and every item', () => {
    expect(driftAsJson(drifted)).toEqual({
      version: DRIFT_JSON_VERSION,
      drift: true,
      summary: { accounts: 2, accountsWithDrift: 1, driftItems: 2, infoItems: 1, grantsCompared: 4 },
      accounts: [
        {
          account: '111111111111',
          region: 'eu-west-1',
          credentials: 'arn:aws:iam::111111111111:role/lakemesh-drift-reader',
          stacks: ['retail-governance'],
          grantsCompared: 3,
          drift: true,
          items: [
            {
              code: 'LMD01',
              kind: 'missing',
              principal: 'arn:aws:iam::444444444444:role/analyst',
              resource: 'database sales_orders',
              message: 'intended DESCRIBE is not granted',
              intended: { permissions: ['DESCRIBE'], grantOption: [], columns: null },
              live: null,
              sources: [{ stack: 'retail-governance', logicalId: 'AnalystDatabase' }],
            },
            expect.objectContaining({ code: 'LMD04', kind: 'iamAllowedPrincipals', principal: null }),
            expect.objectContaining({ code: 'LMI01', kind: 'info' }),
          ],
        },
        expect.objectContaining({ account: '444444444444', drift: false, items: [] }),
      ],
    });
    expect(DRIFT_JSON_VERSION).toBe(1);
    expect(driftAsJson(clean)).toMatchObject({ drift: false, summary: { driftItems: 0, infoItems: 1 } });
  });
});
