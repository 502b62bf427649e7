import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { field, isIntrinsic } from '../cfn-values';
import { MeshResource } from '../mesh-resource';
import { DataMeshRule, compliantWhen } from '../mesh-rule';

/** Every Glue database states `CreateTableDefaultPermissions: []`. */
export const DatabasesHaveNoDefaultPermissions: DataMeshRule = {
  name: 'DatabasesHaveNoDefaultPermissions',
  info: 'The Glue database does not set DatabaseInput.CreateTableDefaultPermissions to an empty list.',
  explanation:
    "Without an explicit empty list, Glue gives new tables the account's default permissions, which in a new account are ALL for IAM_ALLOWED_PRINCIPALS: tables then answer to IAM policies instead of Lake Formation grants. Set CreateTableDefaultPermissions: [] on every database (resource links are exempt).",
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::Glue::Database'],
  check(resource: MeshResource): NagRuleCompliance {
    const input = field(resource.properties, 'DatabaseInput');
    if (isIntrinsic(input)) return NagRuleCompliance.NOT_APPLICABLE;
    // Resource links and federated databases hold no tables of their own.
    if (field(input, 'TargetDatabase') !== undefined || field(input, 'FederatedDatabase') !== undefined) {
      return NagRuleCompliance.NOT_APPLICABLE;
    }
    const defaults = field(input, 'CreateTableDefaultPermissions');
    if (isIntrinsic(defaults)) return NagRuleCompliance.NOT_APPLICABLE;
    return compliantWhen(Array.isArray(defaults) && defaults.length === 0);
  },
};
