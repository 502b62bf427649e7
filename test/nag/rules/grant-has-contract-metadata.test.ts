import { Aws, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { GrantHasContractMetadata, dataMeshRuleId } from '../../../lib/nag';
import { CENTRAL_ROLE, CONSUMER_ROLE, findingsOf, newAgnosticStack, grantMetadata, newStack, principalPermissions } from '../fixtures';

const RULE = dataMeshRuleId(GrantHasContractMetadata);

function flagged(path: string) {
  return [{ ruleId: 'DataMesh-GrantHasContractMetadata', severity: 'error', path, description: GrantHasContractMetadata.info }];
}

describe('DataMesh-GrantHasContractMetadata', () => {
  test('fires on a cross-account grant without grant metadata', () => {
    const stack = newStack();
    const grant = principalPermissions(stack, 'Grant', { principal: CONSUMER_ROLE });
    expect(findingsOf(stack, RULE)).toEqual(flagged(grant.node.path));
  });

  test.each<[string, Record<string, unknown>]>([
    ['an empty contractId', { contractId: '' }],
    ['no contractVersion', { contractVersion: undefined }],
    ['no roles', { roles: [] }],
    ['an empty purpose', { purposes: [''] }],
    ['no approver', { approvedBy: [] }],
    ['approvedBy that is not a list', { approvedBy: 'sales-dpo@example.com' }],
  ])('fires on a cross-account grant whose metadata has %s', (_name, broken) => {
    const stack = newStack();
    const grant = principalPermissions(stack, 'Grant', { metadata: grantMetadata(broken) });
    expect(findingsOf(stack, RULE)).toEqual(flagged(grant.node.path));
  });

  test('fires on a grant to a literal account from an environment-agnostic stack', () => {
    const stack = newAgnosticStack();
    const grant = principalPermissions(stack, 'Grant', { principal: CENTRAL_ROLE });
    expect(findingsOf(stack, RULE)).toEqual(flagged(grant.node.path));
  });

  test('is silent on a cross-account grant with complete metadata', () => {
    const stack = newStack();
    principalPermissions(stack, 'Grant', { metadata: grantMetadata() });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });

  test('reads complete metadata written as an object, not as the JSON string lakemesh writes', () => {
    const stack = newStack();
    principalPermissions(stack, 'Grant').addMetadata('lakemesh:grant', grantMetadata());
    expect(findingsOf(stack, RULE)).toEqual([]);
  });

  test('fires on a cross-account grant whose metadata is a string but not a JSON record', () => {
    const stack = newStack();
    const grant = principalPermissions(stack, 'Grant');
    grant.addMetadata('lakemesh:grant', 'approved by sales-dpo@example.com');
    expect(findingsOf(stack, RULE)).toEqual(flagged(grant.node.path));
  });

  test.each<[string, (stack: Stack) => string]>([
    ['a role ARN of the same account', () => CENTRAL_ROLE],
    ['a role of the stack itself', (stack) => new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() }).roleArn],
    ['a role ARN built on AWS::AccountId', (stack) => stack.formatArn({ service: 'iam', region: '', account: Aws.ACCOUNT_ID, resource: 'role', resourceName: 'etl' })],
  ])('is silent on a grant without metadata to %s', (_name, principal) => {
    const stack = newStack();
    principalPermissions(stack, 'Grant', { principal: principal(stack) });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });

  test('is silent on a grant without metadata to a role of an environment-agnostic stack', () => {
    const stack = newAgnosticStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    principalPermissions(stack, 'Grant', { principal: role.roleArn });
    principalPermissions(stack, 'ByName', {
      principal: stack.formatArn({ service: 'iam', region: '', account: Aws.ACCOUNT_ID, resource: 'role', resourceName: 'etl' }),
    });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });
});
