/**
 * The errors a consumer stack deployment can end with. They reach the user as the custom resource's
 * failure reason in the CloudFormation events, so each says what happened and what to do.
 */
import { LakemeshError, Problem } from '../../errors';
import { Invitation } from './invitations';

export const EXPIRED_CODE = 'LM331';
export const REJECTED_CODE = 'LM332';
export const NOT_ARRIVED_CODE = 'LM333';

/** A resource share whose invitations can no longer be accepted. */
export interface BlockedShare {
  readonly invitation: Invitation;
  readonly reason: 'expired' | 'rejected';
}

function regrantAdvice(sender: string): string {
  return (
    `ask the grantor to re-grant so that ram sends a new invitation: in account ${sender}, revoke the lake formation permissions ` +
    'granted to this account and grant them again (`aws lakeformation revoke-permissions`, then `aws lakeformation grant-permissions`; ' +
    'with lakemesh, remove the grant, deploy, restore it and deploy again); then deploy this stack again'
  );
}

export function blockedSharesError(blocked: readonly BlockedShare[]): LakemeshError {
  return new LakemeshError(blocked.map(blockedShareProblem));
}

function blockedShareProblem({ invitation, reason }: BlockedShare): Problem {
  const share = `resource share "${invitation.resourceShareName}" (${invitation.resourceShareArn})`;
  const sender = invitation.senderAccountId;
  if (reason === 'expired') {
    return {
      code: EXPIRED_CODE,
      path: '',
      message:
        `the ram invitation from account ${sender} to ${share} expired before it was accepted, and an expired invitation cannot be accepted: ` +
        regrantAdvice(sender),
    };
  }
  return {
    code: REJECTED_CODE,
    path: '',
    message:
      `the ram invitation from account ${sender} to ${share} was rejected in this account, and a rejected invitation cannot be accepted: ` +
      regrantAdvice(sender),
  };
}

/**
 * Nothing arrived in time. `waitingFor` are sender account ids, or resource share ARNs when the
 * acceptance was restricted to named shares.
 */
export function notArrivedError(waitingFor: readonly string[], byShareArn: boolean, waitedSeconds: number): LakemeshError {
  const what = byShareArn
    ? `no ram invitation to resource share ${waitingFor.join(', ')}`
    : `no ram invitation from account ${waitingFor.join(', ')}`;
  return LakemeshError.of(
    NOT_ARRIVED_CODE,
    `${what} arrived within ${waitedSeconds} seconds: ` +
      'deploy the grantor stack first and check that it grants lake formation permissions on named resources to this account in this region; ' +
      'if this account and the grantor are in one aws organization with ram sharing enabled, ram sends no invitation at all: ' +
      'set `organization: true` under `governance` in mesh.yaml (or leave RamInvitationAcceptance out) instead',
  );
}
