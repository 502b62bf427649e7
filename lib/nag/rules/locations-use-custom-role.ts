import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isIntrinsic, isPresent, literalBoolean } from '../cfn-values';
import { MeshResource } from '../mesh-resource';
import { DataMeshRule, compliantWhen } from '../mesh-rule';

/** Registered data locations use a registration role of their own, not the service-linked role. */
export const LocationsUseCustomRole: DataMeshRule = {
  name: 'LocationsUseCustomRole',
  info: 'The Lake Formation data location (AWS::LakeFormation::Resource) does not set UseServiceLinkedRole to false with a RoleArn.',
  explanation:
    "Lake Formation's service-linked role cannot register a location in another account nor one encrypted with a KMS key shared across accounts, and its permissions bypass service control policies and cannot be scoped. Register locations with a custom role that the producer's bucket and key policies allow.",
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::LakeFormation::Resource'],
  check(resource: MeshResource): NagRuleCompliance {
    const { UseServiceLinkedRole: serviceLinked, RoleArn: roleArn } = resource.properties;
    const serviceLinkedOff = isIntrinsic(serviceLinked) || literalBoolean(serviceLinked) === false;
    return compliantWhen(serviceLinkedOff && isPresent(roleArn));
  },
};
