/**
 * Imports the mesh's role ARNs as `iam.IRole`s in the stack of the account they belong to. Lake
 * Formation admins and producers must be principals of the account whose settings and catalog they
 * act on, so ARNs of other accounts are left out of that account's stack.
 */
import { createHash } from 'node:crypto';
import { Arn, ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** The roles among `arns` that live in `account`, imported under `scope` with ids derived from the ARN. */
export function rolesInAccount(scope: Construct, idPrefix: string, arns: readonly string[], account: string, options: { mutable: boolean }): iam.IRole[] {
  return [...new Set(arns)]
    .sort()
    .filter((arn) => Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME).account === account)
    .map((arn) => iam.Role.fromRoleArn(scope, `${idPrefix}${shortHash(arn)}`, arn, { mutable: options.mutable }));
}

/** Account of the stack that holds `scope`. */
export function accountOf(scope: Construct): string {
  return Stack.of(scope).account;
}

function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 10).toUpperCase();
}
