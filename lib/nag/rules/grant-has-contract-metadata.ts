import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { GRANT_METADATA_KEY } from '../../grants/grant-metadata';
import { isPresent, isPresentList } from '../cfn-values';
import { grantMetadataOf } from '../grant-fields';
import { MeshResource } from '../mesh-resource';
import { DataMeshRule, compliantWhen } from '../mesh-rule';
import { PrincipalKind, classifyDataLakePrincipal, grantPrincipalIdentifier, principalAccount } from '../principals';

const REQUIRED_STRINGS = ['contractId', 'contractVersion'] as const;
const REQUIRED_LISTS = ['roles', 'purposes', 'approvedBy'] as const;

/**
 * A grant to a principal of another account is a consumer grant: it carries the contract, role,
 * purpose and approver in `lakemesh:grant` Metadata.
 */
export const GrantHasContractMetadata: DataMeshRule = {
  name: 'GrantHasContractMetadata',
  info: `The cross-account Lake Formation grant has no complete '${GRANT_METADATA_KEY}' Metadata (non-empty contractId, contractVersion, roles, purposes and approvedBy).`,
  explanation:
    'The synthesized templates are the audit trail: every grant that crosses an account boundary must say under which data contract and role it was made, for which purpose, and who approved it. Make cross-account grants through ContractGrant (or a mesh.yaml grant), which writes this Metadata.',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::LakeFormation::PrincipalPermissions'],
  check(resource: MeshResource): NagRuleCompliance {
    if (!isCrossAccount(resource)) return NagRuleCompliance.NOT_APPLICABLE;
    const metadata = grantMetadataOf(resource);
    return compliantWhen(
      metadata !== undefined &&
        REQUIRED_STRINGS.every((key) => isPresent(metadata[key])) &&
        REQUIRED_LISTS.every((key) => isPresentList(metadata[key])),
    );
  },
};

/**
 * True unless the principal is known to be in the stack's own account. An environment-agnostic
 * stack can grant to anyone, so a literal account counts as another one there.
 */
function isCrossAccount(resource: MeshResource): boolean {
  const identifier = grantPrincipalIdentifier(resource.type, resource.properties);
  const kind = classifyDataLakePrincipal(identifier);
  // Grants to IAM_ALLOWED_PRINCIPALS or "*" are forbidden outright by other rules.
  if (kind === PrincipalKind.IAM_ALLOWED_PRINCIPALS || kind === PrincipalKind.EVERYONE) return false;
  const account = principalAccount(identifier);
  if (account.kind === 'local') return false;
  if (account.kind === 'literal' && resource.stackAccount !== undefined) return account.account !== resource.stackAccount;
  return true;
}
