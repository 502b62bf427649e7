import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { asList, field } from '../cfn-values';
import { MeshResource } from '../mesh-resource';
import { DataMeshRule, compliantWhen } from '../mesh-rule';
import { PrincipalKind, classifyDataLakePrincipal, grantPrincipalIdentifier } from '../principals';

/**
 * No template grants `IAM_ALLOWED_PRINCIPALS` anything: not a data grant, not as an account
 * default for new databases or tables, not as a database's default for its new tables.
 */
export const NoIamAllowedPrincipals: DataMeshRule = {
  name: 'NoIamAllowedPrincipals',
  info: 'The resource grants IAM_ALLOWED_PRINCIPALS (a grant, or CreateDatabaseDefaultPermissions/CreateTableDefaultPermissions that include it).',
  explanation:
    'A grant to IAM_ALLOWED_PRINCIPALS hands access control back to IAM policies, so that any principal whose IAM policy allows Glue and S3 reads the data and Lake Formation grants, contracts and the audit trail mean nothing. Grant named principals, and keep the default permissions for new databases and tables empty.',
  level: NagMessageLevel.ERROR,
  resourceTypes: [
    'AWS::LakeFormation::PrincipalPermissions',
    'AWS::LakeFormation::Permissions',
    'AWS::LakeFormation::DataLakeSettings',
    'AWS::Glue::Database',
  ],
  check(resource: MeshResource): NagRuleCompliance {
    const { properties } = resource;
    switch (resource.type) {
      case 'AWS::LakeFormation::DataLakeSettings':
        return compliantWhen(
          !anyDefaultForIamAllowedPrincipals(properties.CreateDatabaseDefaultPermissions) &&
            !anyDefaultForIamAllowedPrincipals(properties.CreateTableDefaultPermissions),
        );
      case 'AWS::Glue::Database':
        return compliantWhen(
          !anyDefaultForIamAllowedPrincipals(field(properties, 'DatabaseInput', 'CreateTableDefaultPermissions')),
        );
      default:
        return compliantWhen(!isIamAllowedPrincipals(grantPrincipalIdentifier(resource.type, properties)));
    }
  },
};

/** Entries of a `CreateDatabaseDefaultPermissions`-style list: `{ Principal: { DataLakePrincipalIdentifier }, Permissions }`. */
function anyDefaultForIamAllowedPrincipals(defaults: unknown): boolean {
  return asList(defaults).some((entry) => isIamAllowedPrincipals(field(entry, 'Principal', 'DataLakePrincipalIdentifier')));
}

function isIamAllowedPrincipals(identifier: unknown): boolean {
  return classifyDataLakePrincipal(identifier) === PrincipalKind.IAM_ALLOWED_PRINCIPALS;
}
