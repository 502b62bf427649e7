import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DataMeshRule } from '../mesh-rule';

/** Lake Formation grants use `AWS::LakeFormation::PrincipalPermissions`, never the legacy resource. */
export const OnlyPrincipalPermissions: DataMeshRule = {
  name: 'OnlyPrincipalPermissions',
  info: 'The template uses the legacy AWS::LakeFormation::Permissions resource.',
  explanation:
    'AWS::LakeFormation::Permissions is superseded by AWS::LakeFormation::PrincipalPermissions: it cannot address data cells filters, LF-Tags or the catalog, and deleting its stack fails when the permissions were already revoked outside CloudFormation. Grant with PrincipalPermissions (ContractGrant does).',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::LakeFormation::Permissions'],
  check(): NagRuleCompliance {
    return NagRuleCompliance.NON_COMPLIANT;
  },
};
