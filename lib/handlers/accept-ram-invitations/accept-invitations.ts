/**
 * Accepts the RAM resource share invitations that Lake Formation cross-account grants send to an
 * account outside the grantor's AWS Organization, and waits (bounded) for those not sent yet.
 *
 * When is it enough? Each sender (or each named resource share, when acceptance is restricted to
 * shares) must end with at least one usable share: one accepted earlier or by this run. Every pending
 * invitation from the senders is accepted along the way. A sender with invitations that can no
 * longer be accepted (expired, rejected) and nothing usable fails at once: waiting cannot help, the
 * grantor must re-grant. A sender with a usable share and also a dead one only gets a log line: old
 * invitations of revoked grants stay listed, and failing on them would block the stack for good.
 * A sender with no invitation at all is polled for until the budget runs out.
 */
import { RAMClient } from '@aws-sdk/client-ram';
import { AcceptanceRequest } from './acceptance-request';
import { Clock } from './clock';
import { acceptInvitation, Invitation, listInvitations, RamCalls } from './invitations';
import { BlockedShare, blockedSharesError, notArrivedError } from './messages';

export interface AcceptanceDependencies {
  readonly ram: RAMClient;
  readonly clock: Clock;
  readonly log: (message: string) => void;
  /** What the Lambda has left (`context.getRemainingTimeInMillis()`); caps the poll budget. */
  readonly remainingTimeMs?: number;
}

export interface AcceptanceSummary {
  /** Invitations this run accepted. */
  readonly acceptedInvitationArns: readonly string[];
  /** Usable shares that were accepted before this run. */
  readonly previouslyAcceptedShareArns: readonly string[];
}

/** Kept back from the Lambda's remaining time so that the response still reaches CloudFormation. */
export const RESPONSE_MARGIN_MS = 30_000;

/** Waits between looks while invitations are missing: doubling from the first, capped. */
export const POLLING = { firstDelayMs: 2_000, maxDelayMs: 30_000 } as const;

type ShareState = 'accepted-now' | 'accepted-before' | 'expired' | 'rejected';

interface Share {
  /** The invitation that decided the state (the newest one when none is usable). */
  readonly invitation: Invitation;
  readonly state: ShareState;
}

export async function acceptInvitations(request: AcceptanceRequest, deps: AcceptanceDependencies): Promise<AcceptanceSummary> {
  const { clock, log } = deps;
  const start = clock.now();
  const lambdaBudgetMs = deps.remainingTimeMs === undefined ? Infinity : Math.max(0, deps.remainingTimeMs - RESPONSE_MARGIN_MS);
  const deadline = start + Math.min(request.maxWaitSeconds * 1_000, lambdaBudgetMs);
  const calls: RamCalls = { ram: deps.ram, clock, deadline };
  const byShareArn = request.resourceShareArns.length > 0;
  const expected = byShareArn ? request.resourceShareArns : request.senderAccountIds;
  const acceptedNow = new Set<string>();

  for (let delay: number = POLLING.firstDelayMs; ; delay = Math.min(delay * 2, POLLING.maxDelayMs)) {
    const invitations = (await listInvitations(calls)).filter((invitation) => isWanted(request, invitation));
    const shares = await settleShares(calls, invitations, acceptedNow, log);

    const blocked: BlockedShare[] = [];
    const waitingFor: string[] = [];
    for (const key of expected) {
      const own = shares.filter((share) => (byShareArn ? share.invitation.resourceShareArn : share.invitation.senderAccountId) === key);
      const dead = own.filter((share): share is Share & { state: BlockedShare['reason'] } => share.state === 'expired' || share.state === 'rejected');
      if (own.length === 0) waitingFor.push(key);
      else if (dead.length === own.length) blocked.push(...dead.map((share) => ({ invitation: share.invitation, reason: share.state })));
      else for (const share of dead) log(`ignoring ${share.state} invitation ${share.invitation.arn}: ${key} has a usable resource share`);
    }
    if (blocked.length > 0) throw blockedSharesError(blocked);
    if (waitingFor.length === 0) return summarize(shares, acceptedNow, log);

    const remaining = deadline - clock.now();
    if (remaining <= 0) throw notArrivedError(waitingFor, byShareArn, Math.round((clock.now() - start) / 1_000));
    const wait = Math.min(delay, remaining);
    log(`waiting ${wait} ms for invitations ${byShareArn ? 'to' : 'from'} ${waitingFor.join(', ')}`);
    await clock.sleep(wait);
  }
}

function isWanted(request: AcceptanceRequest, invitation: Invitation): boolean {
  if (!request.senderAccountIds.includes(invitation.senderAccountId)) return false;
  return request.resourceShareArns.length === 0 || request.resourceShareArns.includes(invitation.resourceShareArn);
}

/** One state per resource share: a share can carry several invitations (an expired one, then a new one). */
async function settleShares(calls: RamCalls, invitations: readonly Invitation[], acceptedNow: Set<string>, log: (message: string) => void): Promise<Share[]> {
  const byShare = new Map<string, Invitation[]>();
  for (const invitation of invitations) {
    byShare.set(invitation.resourceShareArn, [...(byShare.get(invitation.resourceShareArn) ?? []), invitation]);
  }
  const shares: Share[] = [];
  for (const group of byShare.values()) {
    const accepted = group.find((invitation) => invitation.status === 'ACCEPTED');
    if (accepted) {
      shares.push({ invitation: accepted, state: acceptedNow.has(accepted.arn) ? 'accepted-now' : 'accepted-before' });
      continue;
    }
    let usable: Share | undefined;
    const dead: Share[] = [];
    for (const invitation of group.filter((candidate) => candidate.status === 'PENDING')) {
      const outcome = await acceptInvitation(calls, invitation);
      log(`${outcome}: invitation ${invitation.arn} from ${invitation.senderAccountId} to "${invitation.resourceShareName}"`);
      if (outcome === 'accepted') acceptedNow.add(invitation.arn);
      if (outcome === 'accepted' || outcome === 'already-accepted') {
        usable ??= { invitation, state: acceptedNow.has(invitation.arn) ? 'accepted-now' : 'accepted-before' };
      } else {
        dead.push({ invitation, state: outcome });
      }
    }
    if (usable) shares.push(usable);
    else shares.push(dead[0] ?? newestDead(group));
  }
  return shares;
}

/** No pending or accepted invitation left: the newest one tells why. */
function newestDead(group: readonly Invitation[]): Share {
  const newest = [...group].sort((a, b) => b.invitedAt - a.invitedAt)[0];
  return { invitation: newest, state: newest.status === 'REJECTED' ? 'rejected' : 'expired' };
}

function summarize(shares: readonly Share[], acceptedNow: ReadonlySet<string>, log: (message: string) => void): AcceptanceSummary {
  const summary: AcceptanceSummary = {
    acceptedInvitationArns: [...acceptedNow].sort(),
    previouslyAcceptedShareArns: shares
      .filter((share) => share.state === 'accepted-before')
      .map((share) => share.invitation.resourceShareArn)
      .sort(),
  };
  log(`done: ${summary.acceptedInvitationArns.length} invitation(s) accepted now, ${summary.previouslyAcceptedShareArns.length} share(s) accepted before`);
  return summary;
}
