import { Fn } from 'aws-cdk-lib';
import { NoGrantOption, dataMeshRuleId } from '../../../lib/nag';
import { CENTRAL_ROLE, findingsOf, grantMetadata, newStack, principalPermissions } from '../fixtures';

const RULE = dataMeshRuleId(NoGrantOption);

describe('DataMesh-NoGrantOption', () => {
  test('fires on a contract grant with PermissionsWithGrantOption', () => {
    const stack = newStack();
    const grant = principalPermissions(stack, 'Grant', { metadata: grantMetadata(), permissionsWithGrantOption: ['SELECT'] });
    expect(findingsOf(stack, RULE)).toEqual([
      { ruleId: 'DataMesh-NoGrantOption', severity: 'error', path: grant.node.path, description: NoGrantOption.info },
    ]);
  });

  test('is silent on a contract grant without the grant option', () => {
    const stack = newStack();
    principalPermissions(stack, 'Grant', { metadata: grantMetadata(), permissionsWithGrantOption: [] });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });

  test('is silent on a grant that is not a contract grant (no grant metadata)', () => {
    const stack = newStack();
    principalPermissions(stack, 'Grant', { principal: CENTRAL_ROLE, permissionsWithGrantOption: ['ALL'] });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });

  test('is silent when PermissionsWithGrantOption cannot be read at synth time', () => {
    const stack = newStack();
    const grant = principalPermissions(stack, 'Grant', { metadata: grantMetadata() });
    grant.addPropertyOverride('PermissionsWithGrantOption', Fn.split(',', Fn.importValue('GrantOptions')));
    expect(findingsOf(stack, RULE)).toEqual([]);
  });
});
