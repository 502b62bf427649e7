import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { MeshResource } from '../mesh-resource';
import { DataMeshRule, compliantWhen } from '../mesh-rule';
import { PrincipalKind, classifyDataLakePrincipal, grantPrincipalIdentifier, unconditionalPublicAllows } from '../principals';

const WIDE_DATA_LAKE_PRINCIPALS: ReadonlySet<PrincipalKind> = new Set([
  PrincipalKind.EVERYONE,
  PrincipalKind.ACCOUNT,
  PrincipalKind.ORGANIZATION,
]);

/**
 * Data grants name principals, never `*`, a whole account or a whole organization; bucket and
 * key policies never allow `*` without a condition.
 */
export const NoWildcardOrRootPrincipals: DataMeshRule = {
  name: 'NoWildcardOrRootPrincipals',
  info: 'The resource grants to a wildcard or whole-account principal: a Lake Formation grant to "*", an account id, an account root ARN or an organization, or a bucket/key policy Allow statement for "*" (or with NotPrincipal) without a Condition.',
  explanation:
    'A grant to a whole account or organization lets every current and future principal there read the data once its administrators say so, outside any contract; "*" in a bucket or key policy opens the data to anyone. Grant the consumer\'s named IAM roles, and constrain policy statements for "*" with a Condition (Deny statements such as the TLS-only one are fine).',
  level: NagMessageLevel.ERROR,
  resourceTypes: [
    'AWS::LakeFormation::PrincipalPermissions',
    'AWS::LakeFormation::Permissions',
    'AWS::S3::BucketPolicy',
    'AWS::KMS::Key',
  ],
  check(resource: MeshResource): NagRuleCompliance {
    const { properties } = resource;
    switch (resource.type) {
      case 'AWS::S3::BucketPolicy':
        return compliantWhen(unconditionalPublicAllows(properties.PolicyDocument).length === 0);
      case 'AWS::KMS::Key':
        return compliantWhen(unconditionalPublicAllows(properties.KeyPolicy).length === 0);
      default: {
        const kind = classifyDataLakePrincipal(grantPrincipalIdentifier(resource.type, properties));
        return compliantWhen(!WIDE_DATA_LAKE_PRINCIPALS.has(kind));
      }
    }
  },
};
