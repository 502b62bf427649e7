/**
 * The two RAM calls the handler makes: list the invitations this account received (every page) and
 * accept one, folding RAM's "already accepted / expired / rejected" errors into plain outcomes.
 */
import {
  AcceptResourceShareInvitationCommand,
  GetResourceShareInvitationsCommand,
  RAMClient,
  ResourceShareInvitation,
} from '@aws-sdk/client-ram';
import { LakemeshError } from '../../errors';
import { Clock } from './clock';
import { clientTokenFor } from './client-token';
import { retryWhenThrottled } from './throttling';

export const ACCEPT_FAILED_CODE = 'LM335';
export const LIST_FAILED_CODE = 'LM336';

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED';

export interface Invitation {
  readonly arn: string;
  readonly resourceShareArn: string;
  readonly resourceShareName: string;
  readonly senderAccountId: string;
  readonly status: InvitationStatus;
  /** When the invitation was sent (epoch milliseconds; 0 when RAM did not say). */
  readonly invitedAt: number;
}

/** What accepting one invitation came to. */
export type AcceptOutcome = 'accepted' | 'already-accepted' | 'expired' | 'rejected';

/** Deadline-bound access to RAM for one handler run. */
export interface RamCalls {
  readonly ram: RAMClient;
  readonly clock: Clock;
  /** Epoch milliseconds after which no retry may start. */
  readonly deadline: number;
}

const KNOWN_STATUSES: ReadonlySet<string> = new Set<InvitationStatus>(['PENDING', 'ACCEPTED', 'REJECTED', 'EXPIRED']);

/** Every invitation this account has received in this region, following `nextToken` to the end. */
export async function listInvitations(calls: RamCalls): Promise<Invitation[]> {
  const invitations: Invitation[] = [];
  let nextToken: string | undefined;
  do {
    const page = await retryWhenThrottled(
      'GetResourceShareInvitations',
      () => calls.ram.send(new GetResourceShareInvitationsCommand({ nextToken })),
      calls.clock,
      calls.deadline,
    ).catch((error: unknown) => {
      throw withContext(error, LIST_FAILED_CODE, 'listing the ram resource share invitations of this account failed', 'the provider role needs ram:GetResourceShareInvitations');
    });
    for (const raw of page.resourceShareInvitations ?? []) {
      const invitation = toInvitation(raw);
      if (invitation) invitations.push(invitation);
    }
    // RAM may return an empty page with a token: only a missing token ends the listing.
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return invitations;
}

export async function acceptInvitation(calls: RamCalls, invitation: Invitation): Promise<AcceptOutcome> {
  try {
    await retryWhenThrottled(
      'AcceptResourceShareInvitation',
      () =>
        calls.ram.send(
          new AcceptResourceShareInvitationCommand({
            resourceShareInvitationArn: invitation.arn,
            clientToken: clientTokenFor(invitation.arn),
          }),
        ),
      calls.clock,
      calls.deadline,
    );
    return 'accepted';
  } catch (error) {
    switch ((error as Error).name) {
      case 'ResourceShareInvitationAlreadyAcceptedException':
        return 'already-accepted';
      case 'ResourceShareInvitationExpiredException':
        return 'expired';
      case 'ResourceShareInvitationAlreadyRejectedException':
        return 'rejected';
      default:
        throw withContext(
          error,
          ACCEPT_FAILED_CODE,
          `accepting ram resource share invitation ${invitation.arn} from account ${invitation.senderAccountId} failed`,
          'the provider role needs ram:AcceptResourceShareInvitation for invitations from this sender',
        );
    }
  }
}

function toInvitation(raw: ResourceShareInvitation): Invitation | undefined {
  if (!raw.resourceShareInvitationArn || !raw.senderAccountId || !raw.status || !KNOWN_STATUSES.has(raw.status)) return undefined;
  return {
    arn: raw.resourceShareInvitationArn,
    resourceShareArn: raw.resourceShareArn ?? raw.resourceShareInvitationArn,
    resourceShareName: raw.resourceShareName ?? '(unnamed)',
    senderAccountId: raw.senderAccountId,
    status: raw.status as InvitationStatus,
    invitedAt: raw.invitationTimestamp?.getTime() ?? 0,
  };
}

/** Our own errors pass through; anything else gets a code and says what was being done. */
function withContext(error: unknown, code: string, doing: string, accessHint: string): Error {
  if (error instanceof LakemeshError) return error;
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const hint = /AccessDenied/i.test(name) ? `: ${accessHint}` : ': fix the cause quoted here and deploy this stack again';
  return LakemeshError.of(code, `${doing} (${name}: ${message})${hint}`);
}
