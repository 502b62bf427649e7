/**
 * Classifying Lake Formation principals and IAM policy principals found in templates.
 */
import { ACCOUNT_ID_MARKER, CfnObject, asList, field, flattenString, isCfnObject, isPresent, isSingleMarker } from './cfn-values';

/** Lake Formation's pseudo-principal for "whoever IAM lets in". */
export const IAM_ALLOWED_PRINCIPALS = 'IAM_ALLOWED_PRINCIPALS';

export enum PrincipalKind {
  /** `IAM_ALLOWED_PRINCIPALS`: Lake Formation hands access control back to IAM. */
  IAM_ALLOWED_PRINCIPALS = 'iam-allowed-principals',
  /** `*`: everyone. */
  EVERYONE = 'everyone',
  /** A whole account: a 12-digit id, the account's `root` ARN, or `AWS::AccountId`. */
  ACCOUNT = 'account',
  /** A whole AWS Organization or organizational unit. */
  ORGANIZATION = 'organization',
  /** A named principal: an IAM role, user or group, a SAML or Identity Center principal. */
  NAMED = 'named',
  /** Cannot be read at synth time (a parameter, an import, …). */
  UNKNOWN = 'unknown',
}

const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNT_ROOT_ARN = /^arn:[^:]+:iam::[^:]*:root$/;
const ORGANIZATION_ARN = /^arn:[^:]+:organizations::/;

/** What a `DataLakePrincipalIdentifier` value stands for. */
export function classifyDataLakePrincipal(identifier: unknown): PrincipalKind {
  const flat = flattenString(identifier)?.trim();
  if (flat === undefined) return PrincipalKind.UNKNOWN;
  if (flat.toUpperCase() === IAM_ALLOWED_PRINCIPALS) return PrincipalKind.IAM_ALLOWED_PRINCIPALS;
  if (flat === '*') return PrincipalKind.EVERYONE;
  if (ACCOUNT_ID.test(flat) || flat === ACCOUNT_ID_MARKER || ACCOUNT_ROOT_ARN.test(flat)) return PrincipalKind.ACCOUNT;
  if (ORGANIZATION_ARN.test(flat)) return PrincipalKind.ORGANIZATION;
  if (isSingleMarker(flat)) return PrincipalKind.UNKNOWN;
  return PrincipalKind.NAMED;
}

/** Where a principal lives relative to the stack that grants to it. */
export type PrincipalAccount =
  /** The stack's own account, whatever it is (`AWS::AccountId`, or a resource of the same stack). */
  | { readonly kind: 'local' }
  | { readonly kind: 'literal'; readonly account: string }
  | { readonly kind: 'unknown' };

/** The account a `DataLakePrincipalIdentifier` belongs to, as far as the template tells. */
export function principalAccount(identifier: unknown): PrincipalAccount {
  const flat = flattenString(identifier)?.trim();
  if (flat === undefined) return { kind: 'unknown' };
  if (ACCOUNT_ID.test(flat)) return { kind: 'literal', account: flat };
  if (flat === ACCOUNT_ID_MARKER) return { kind: 'local' };
  // `Fn::GetAtt` of a role: a resource of this very stack.
  if (isSingleMarker(flat)) return /\.Arn\}$/.test(flat) ? { kind: 'local' } : { kind: 'unknown' };
  const account = flat.startsWith('arn:') ? flat.split(':')[4] : undefined;
  if (account !== undefined && ACCOUNT_ID.test(account)) return { kind: 'literal', account };
  if (account === ACCOUNT_ID_MARKER) return { kind: 'local' };
  return { kind: 'unknown' };
}

/** The `DataLakePrincipalIdentifier` of a `PrincipalPermissions` or legacy `Permissions` resource. */
export function grantPrincipalIdentifier(type: string, properties: CfnObject): unknown {
  return type === 'AWS::LakeFormation::Permissions'
    ? field(properties, 'DataLakePrincipal', 'DataLakePrincipalIdentifier')
    : field(properties, 'Principal', 'DataLakePrincipalIdentifier');
}

/**
 * Allow statements of an IAM policy document that let anyone in without a condition: `Principal`
 * `*` or `{ AWS: '*' }`, or any `NotPrincipal`. Deny statements never widen access.
 */
export function unconditionalPublicAllows(policyDocument: unknown): readonly CfnObject[] {
  return asList(field(policyDocument, 'Statement')).filter(
    (statement): statement is CfnObject =>
      isCfnObject(statement) &&
      statement.Effect === 'Allow' &&
      (isPresent(statement.NotPrincipal) || isEveryone(statement.Principal)) &&
      !hasCondition(statement),
  );
}

function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  return asList(field(principal, 'AWS')).some((entry) => entry === '*');
}

function hasCondition(statement: CfnObject): boolean {
  const condition = statement.Condition;
  return isCfnObject(condition) ? Object.keys(condition).length > 0 : isPresent(condition);
}
