import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isIntrinsic } from '../cfn-values';
import { hasGrantMetadata } from '../grant-fields';
import { MeshResource } from '../mesh-resource';
import { DataMeshRule, compliantWhen } from '../mesh-rule';

/** Contract grants never carry the grant option. */
export const NoGrantOption: DataMeshRule = {
  name: 'NoGrantOption',
  info: 'The contract grant (a PrincipalPermissions with lakemesh:grant Metadata) has PermissionsWithGrantOption.',
  explanation:
    'With the grant option a consumer can pass the data on to principals no contract names, and those re-grants never show up in any template or audit. Contract grants give Permissions only; keep PermissionsWithGrantOption empty.',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::LakeFormation::PrincipalPermissions'],
  check(resource: MeshResource): NagRuleCompliance {
    if (!hasGrantMetadata(resource)) return NagRuleCompliance.NOT_APPLICABLE;
    const withGrantOption = resource.properties.PermissionsWithGrantOption;
    if (isIntrinsic(withGrantOption)) return NagRuleCompliance.NOT_APPLICABLE;
    return compliantWhen(withGrantOption === undefined || (Array.isArray(withGrantOption) && withGrantOption.length === 0));
  },
};
