/**
 * Turns an `iam.IGrantable` into what Lake Formation calls a `DataLakePrincipalIdentifier`: the ARN
 * of an IAM role or user. Account roots, services and wildcards are refused: a Lake Formation grant
 * must name exactly who gets access (and never `IAM_ALLOWED_PRINCIPALS`).
 */
import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { LakemeshError } from '../../lib/errors';
import { PRODUCT_CODES } from './codes';

const ROLE_OR_USER_ARN = /^arn:[a-z-]+:iam::\d{12}:(?:role|user)\/[\w+=,.@/-]+$/;

/**
 * The Lake Formation principal identifier of `grantee`, checked to live in the account of `scope`'s
 * stack (when both accounts are known at synth). `what` names the caller in error messages.
 */
export function lakeFormationPrincipal(scope: IConstruct, grantee: iam.IGrantable, what: string): string {
  const principal = grantee.grantPrincipal;
  const identifier = principalArn(principal);
  if (identifier === undefined || (!Token.isUnresolved(identifier) && !ROLE_OR_USER_ARN.test(identifier))) {
    throw LakemeshError.of(
      PRODUCT_CODES.unsupportedPrincipal,
      `${what} needs an iam role or user, got ${principal.toString()}${identifier ? ` (${identifier})` : ''}; lake formation grants name exactly one role or user, never an account, service or wildcard`,
    );
  }
  const stack = Stack.of(scope);
  const account = principal.principalAccount;
  if (account !== undefined && !Token.isUnresolved(account) && !Token.isUnresolved(stack.account) && account !== stack.account) {
    throw LakemeshError.of(
      PRODUCT_CODES.crossAccountPrincipal,
      `${what} grants inside account ${stack.account} only, got ${identifier} of account ${account}; share with other accounts through the governance account (ContractGrant)`,
    );
  }
  return identifier;
}

function principalArn(principal: iam.IPrincipal): string | undefined {
  if (principal instanceof iam.AccountPrincipal) return undefined;
  if (isRole(principal)) return principal.roleArn;
  if (isUser(principal)) return principal.userArn;
  if (principal instanceof iam.ArnPrincipal) return principal.arn;
  return undefined;
}

function isRole(principal: iam.IPrincipal): principal is iam.IRole {
  return typeof (principal as Partial<iam.IRole>).roleArn === 'string';
}

function isUser(principal: iam.IPrincipal): principal is iam.IUser {
  return typeof (principal as Partial<iam.IUser>).userArn === 'string';
}
