import { OnlyPrincipalPermissions, dataMeshRuleId } from '../../../lib/nag';
import { findingsOf, legacyPermissions, newStack, principalPermissions } from '../fixtures';

const RULE = dataMeshRuleId(OnlyPrincipalPermissions);

describe('DataMesh-OnlyPrincipalPermissions', () => {
  test('fires on any legacy AWS::LakeFormation::Permissions resource', () => {
    const stack = newStack();
    const legacy = legacyPermissions(stack, 'Legacy');
    expect(findingsOf(stack, RULE)).toEqual([
      { ruleId: 'DataMesh-OnlyPrincipalPermissions', severity: 'error', path: legacy.node.path, description: OnlyPrincipalPermissions.info },
    ]);
  });

  test('is silent on AWS::LakeFormation::PrincipalPermissions', () => {
    const stack = newStack();
    principalPermissions(stack, 'Grant');
    expect(findingsOf(stack, RULE)).toEqual([]);
  });
});
