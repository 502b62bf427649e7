import { App, Stack } from 'aws-cdk-lib';
import { accountOf, rolesInAccount } from '../../lib/stacks/account-roles';

const ETL = 'arn:aws:iam::222222222222:role/sales-etl';
const ENGINEER = 'arn:aws:iam::222222222222:role/team/sales-engineer';
const OTHER = 'arn:aws:iam::333333333333:role/customers-etl';

function newStack(): Stack {
  return new Stack(new App(), 'Domain', { env: { account: '222222222222', region: 'eu-west-1' } });
}

describe('rolesInAccount', () => {
  test('imports the roles of the given account only, once each, sorted by ARN', () => {
    const roles = rolesInAccount(newStack(), 'Producer', [OTHER, ETL, ENGINEER, ETL], '222222222222', { mutable: true });
    expect(roles.map((role) => role.roleArn)).toEqual([ETL, ENGINEER]);
  });

  test('derives construct ids from the ARN, so the input order changes no id', () => {
    const forward = rolesInAccount(newStack(), 'Producer', [ETL, ENGINEER], '222222222222', { mutable: true }).map((role) => role.node.id);
    const backward = rolesInAccount(newStack(), 'Producer', [ENGINEER, ETL], '222222222222', { mutable: true }).map((role) => role.node.id);
    expect(backward).toEqual(forward);
    expect(forward).toEqual([expect.stringMatching(/^Producer[0-9A-F]{10}$/), expect.stringMatching(/^Producer[0-9A-F]{10}$/)]);
    expect(new Set(forward).size).toBe(2);
  });

  test('returns nothing when no ARN belongs to the account', () => {
    expect(rolesInAccount(newStack(), 'Admin', [OTHER], '222222222222', { mutable: false })).toEqual([]);
  });

  test('accountOf gives the account of the stack holding a construct', () => {
    expect(accountOf(newStack())).toBe('222222222222');
  });
});
