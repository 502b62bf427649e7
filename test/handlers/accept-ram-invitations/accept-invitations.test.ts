import {
  AcceptResourceShareInvitationCommand,
  GetResourceShareInvitationsCommand,
  RAMClient,
  ResourceShareInvitationAlreadyAcceptedException,
  ResourceShareInvitationAlreadyRejectedException,
  ResourceShareInvitationExpiredException,
} from '@aws-sdk/client-ram';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { LakemeshError } from '../../../lib/errors';
import { clientTokenFor } from '../../../lib/handlers/accept-ram-invitations/client-token';
import { handleEvent } from '../../../lib/handlers/accept-ram-invitations/index';
import { CONSUMER, event, EventOptions, FakeClock, GOVERNANCE, invitation, invitationArn, PRODUCER, shareArn, STRANGER } from './fixtures';

const ram = mockClient(RAMClient);

let clock: FakeClock;
let logs: string[];

beforeEach(() => {
  ram.reset();
  clock = new FakeClock();
  logs = [];
});

function run(options: EventOptions = {}, remainingTimeMs?: number) {
  return handleEvent(event(options), { ram: new RAMClient({ region: 'eu-west-1' }), clock, log: (line) => logs.push(line), remainingTimeMs });
}

async function failure(options: EventOptions = {}): Promise<LakemeshError> {
  const error = await run(options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof LakemeshError)) throw new Error(`expected a LakemeshError, got ${String(error)}`);
  return error;
}

const PENDING = invitation();
const PENDING_ARN = invitationArn(GOVERNANCE, 'share-1-invitation');
const SHARE = shareArn(GOVERNANCE, 'share-1');
const SHARE_NAME = `${GOVERNANCE}-${CONSUMER}-share-1`;
const REGRANT =
  `ask the grantor to re-grant so that ram sends a new invitation: in account ${GOVERNANCE}, revoke the lake formation permissions ` +
  'granted to this account and grant them again (`aws lakeformation revoke-permissions`, then `aws lakeformation grant-permissions`; ' +
  'with lakemesh, remove the grant, deploy, restore it and deploy again); then deploy this stack again';

describe('accepting pending invitations', () => {
  test('accepts a pending invitation from the sender with a token derived from its arn', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [PENDING] });
    ram.on(AcceptResourceShareInvitationCommand).resolves({});

    const result = await run();

    expect(ram).toHaveReceivedCommandTimes(AcceptResourceShareInvitationCommand, 1);
    expect(ram).toHaveReceivedCommandWith(AcceptResourceShareInvitationCommand, {
      resourceShareInvitationArn: PENDING_ARN,
      clientToken: clientTokenFor(PENDING_ARN),
    });
    expect(result).toEqual({
      PhysicalResourceId: 'ram-invitation-acceptance-Acceptance',
      Data: { AcceptedInvitationCount: 1, PreviouslyAcceptedShareCount: 0 },
    });
    expect(clock.sleeps).toEqual([]);
  });

  test('accepts every pending invitation from every sender', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({
      resourceShareInvitations: [invitation(), invitation({ share: 'share-2' }), invitation({ sender: PRODUCER })],
    });
    ram.on(AcceptResourceShareInvitationCommand).resolves({});

    const result = await run({ senders: [GOVERNANCE, PRODUCER] });

    expect(ram).toHaveReceivedCommandTimes(AcceptResourceShareInvitationCommand, 3);
    expect(result.Data).toEqual({ AcceptedInvitationCount: 3, PreviouslyAcceptedShareCount: 0 });
  });

  test('ignores invitations from accounts that are not senders', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({
      resourceShareInvitations: [invitation({ sender: STRANGER }), PENDING],
    });
    ram.on(AcceptResourceShareInvitationCommand).resolves({});

    await run();

    expect(ram).toHaveReceivedCommandTimes(AcceptResourceShareInvitationCommand, 1);
    expect(ram).toHaveReceivedCommandWith(AcceptResourceShareInvitationCommand, { resourceShareInvitationArn: PENDING_ARN });
  });

  test('accepts only the named resource shares when share arns are given', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({
      resourceShareInvitations: [invitation({ share: 'share-2' }), PENDING],
    });
    ram.on(AcceptResourceShareInvitationCommand).resolves({});

    await run({ shareArns: [SHARE] });

    expect(ram).toHaveReceivedCommandTimes(AcceptResourceShareInvitationCommand, 1);
    expect(ram).toHaveReceivedCommandWith(AcceptResourceShareInvitationCommand, { resourceShareInvitationArn: PENDING_ARN });
  });

  test('reads every page of invitations', async () => {
    ram
      .on(GetResourceShareInvitationsCommand, { nextToken: undefined })
      .resolves({ resourceShareInvitations: [invitation({ sender: STRANGER })], nextToken: 'page-2' })
      .on(GetResourceShareInvitationsCommand, { nextToken: 'page-2' })
      .resolves({ resourceShareInvitations: [], nextToken: 'page-3' })
      .on(GetResourceShareInvitationsCommand, { nextToken: 'page-3' })
      .resolves({ resourceShareInvitations: [PENDING] });
    ram.on(AcceptResourceShareInvitationCommand).resolves({});

    await run();

    expect(ram).toHaveReceivedCommandTimes(GetResourceShareInvitationsCommand, 3);
    expect(ram).toHaveReceivedCommandWith(AcceptResourceShareInvitationCommand, { resourceShareInvitationArn: PENDING_ARN });
  });

  test('sends the same client token when an invitation is accepted again in a later round', async () => {
    // Round 1: the governance invitation is accepted, the producer's has not arrived. Round 2: RAM
    // still lists the first as pending (eventual consistency), so it is accepted again.
    ram
      .on(GetResourceShareInvitationsCommand)
      .resolvesOnce({ resourceShareInvitations: [PENDING] })
      .resolves({ resourceShareInvitations: [PENDING, invitation({ sender: PRODUCER })] });
    ram.on(AcceptResourceShareInvitationCommand).resolves({});

    await run({ senders: [GOVERNANCE, PRODUCER] });

    const tokens = ram
      .commandCalls(AcceptResourceShareInvitationCommand, { resourceShareInvitationArn: PENDING_ARN })
      .map((call) => call.args[0].input.clientToken);
    expect(tokens).toEqual([clientTokenFor(PENDING_ARN), clientTokenFor(PENDING_ARN)]);
  });
});

describe('invitations accepted before', () => {
  test('succeeds without calling accept when the invitation is already accepted', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [invitation({ status: 'ACCEPTED' })] });

    const result = await run();

    expect(ram).not.toHaveReceivedCommand(AcceptResourceShareInvitationCommand);
    expect(result.Data).toEqual({ AcceptedInvitationCount: 0, PreviouslyAcceptedShareCount: 1 });
  });

  test('succeeds when ram answers that the invitation was already accepted', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [PENDING] });
    ram
      .on(AcceptResourceShareInvitationCommand)
      .rejects(new ResourceShareInvitationAlreadyAcceptedException({ message: 'already accepted', $metadata: {} }));

    const result = await run();

    expect(result.Data).toEqual({ AcceptedInvitationCount: 0, PreviouslyAcceptedShareCount: 1 });
  });
});

describe('invitations that can no longer be accepted', () => {
  const expiredMessage =
    `the ram invitation from account ${GOVERNANCE} to resource share "${SHARE_NAME}" (${SHARE}) expired before it was accepted, ` +
    `and an expired invitation cannot be accepted: ${REGRANT} [LM331]`;

  test('fails with re-grant advice when the invitation has expired', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [invitation({ status: 'EXPIRED' })] });

    const error = await failure();

    expect(error.message).toBe(expiredMessage);
    expect(ram).not.toHaveReceivedCommand(AcceptResourceShareInvitationCommand);
    expect(clock.sleeps).toEqual([]);
  });

  test('fails with re-grant advice when ram answers that the invitation expired', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [PENDING] });
    ram.on(AcceptResourceShareInvitationCommand).rejects(new ResourceShareInvitationExpiredException({ message: 'expired', $metadata: {} }));

    const error = await failure();

    expect(error.message).toBe(expiredMessage);
  });

  test('fails with re-grant advice when the invitation was rejected', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [invitation({ status: 'REJECTED' })] });

    const error = await failure();

    expect(error.message).toBe(
      `the ram invitation from account ${GOVERNANCE} to resource share "${SHARE_NAME}" (${SHARE}) was rejected in this account, ` +
        `and a rejected invitation cannot be accepted: ${REGRANT} [LM332]`,
    );
  });

  test('reports the rejection ram answers with when accepting', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [PENDING] });
    ram
      .on(AcceptResourceShareInvitationCommand)
      .rejects(new ResourceShareInvitationAlreadyRejectedException({ message: 'rejected', $metadata: {} }));

    const error = await failure();

    expect(error.problems.map((problem) => problem.code)).toEqual(['LM332']);
  });

  test('names the newest invitation of a share when all of them are dead', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({
      resourceShareInvitations: [
        invitation({ id: 'old', status: 'REJECTED', invitedAt: '2026-01-01T00:00:00Z' }),
        invitation({ id: 'new', status: 'EXPIRED', invitedAt: '2026-10-01T00:00:00Z' }),
      ],
    });

    const error = await failure();

    expect(error.problems.map((problem) => problem.code)).toEqual(['LM331']);
  });

  test('accepts the new invitation of a re-granted share despite its expired one', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({
      resourceShareInvitations: [invitation({ id: 'old', status: 'EXPIRED' }), invitation({ id: 'new' })],
    });
    ram.on(AcceptResourceShareInvitationCommand).resolves({});

    const result = await run();

    expect(ram).toHaveReceivedCommandWith(AcceptResourceShareInvitationCommand, { resourceShareInvitationArn: invitationArn(GOVERNANCE, 'new') });
    expect(result.Data).toEqual({ AcceptedInvitationCount: 1, PreviouslyAcceptedShareCount: 0 });
  });

  test('only logs a dead share when the same sender has a usable one', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({
      resourceShareInvitations: [invitation({ share: 'revoked', status: 'EXPIRED' }), invitation({ status: 'ACCEPTED' })],
    });

    await run();

    expect(logs).toContain(`ignoring expired invitation ${invitationArn(GOVERNANCE, 'revoked-invitation')}: ${GOVERNANCE} has a usable resource share`);
  });
});

describe('waiting for invitations', () => {
  const notArrivedAdvice =
    'deploy the grantor stack first and check that it grants lake formation permissions on named resources to this account in this region; ' +
    'if this account and the grantor are in one aws organization with ram sharing enabled, ram sends no invitation at all: ' +
    'set `organization: true` under `governance` in mesh.yaml (or leave RamInvitationAcceptance out) instead [LM333]';

  test('polls until the invitation arrives, then accepts it', async () => {
    ram
      .on(GetResourceShareInvitationsCommand)
      .resolvesOnce({ resourceShareInvitations: [] })
      .resolvesOnce({ resourceShareInvitations: [invitation({ sender: STRANGER })] })
      .resolves({ resourceShareInvitations: [PENDING] });
    ram.on(AcceptResourceShareInvitationCommand).resolves({});

    const result = await run();

    expect(clock.sleeps).toEqual([2_000, 4_000]);
    expect(result.Data).toEqual({ AcceptedInvitationCount: 1, PreviouslyAcceptedShareCount: 0 });
  });

  test('gives up with organization advice when nothing arrives within the budget', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [] });

    const error = await failure({ maxWaitSeconds: '60' });

    expect(error.message).toBe(`no ram invitation from account ${GOVERNANCE} arrived within 60 seconds: ${notArrivedAdvice}`);
    // Doubling waits, capped at 30 s, the last one cut to what is left of the budget.
    expect(clock.sleeps).toEqual([2_000, 4_000, 8_000, 16_000, 30_000]);
    expect(ram).toHaveReceivedCommandTimes(GetResourceShareInvitationsCommand, 6);
  });

  test('names only the senders still missing', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [invitation({ status: 'ACCEPTED' })] });

    const error = await failure({ senders: [GOVERNANCE, PRODUCER], maxWaitSeconds: '0' });

    expect(error.message).toBe(`no ram invitation from account ${PRODUCER} arrived within 0 seconds: ${notArrivedAdvice}`);
  });

  test('names the missing resource shares when acceptance is restricted to shares', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [invitation({ share: 'share-2' })] });

    const error = await failure({ shareArns: [SHARE], maxWaitSeconds: '0' });

    expect(error.message).toBe(`no ram invitation to resource share ${SHARE} arrived within 0 seconds: ${notArrivedAdvice}`);
    expect(ram).not.toHaveReceivedCommand(AcceptResourceShareInvitationCommand);
  });

  test('never waits past what the lambda has left, less the response margin', async () => {
    ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [] });

    await expect(run({ maxWaitSeconds: '300' }, 40_000)).rejects.toThrow('arrived within 10 seconds');
    expect(clock.sleeps).toEqual([2_000, 4_000, 4_000]);
  });
});
