import { AcceptResourceShareInvitationCommand, GetResourceShareInvitationsCommand, RAMClient } from '@aws-sdk/client-ram';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { handleEvent, handler } from '../../../lib/handlers/accept-ram-invitations/index';
import { event, EventOptions, FakeClock, GOVERNANCE, invitation, invitationArn } from './fixtures';

const ram = mockClient(RAMClient);

beforeEach(() => ram.reset());

function run(options: EventOptions) {
  return handleEvent(event(options), { ram: new RAMClient({ region: 'eu-west-1' }), clock: new FakeClock(), log: () => undefined });
}

test('delete is a no-op that keeps the physical id', async () => {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);

  const result = await handler(event({ requestType: 'Delete' }), { getRemainingTimeInMillis: () => 900_000 });

  expect(result).toEqual({ PhysicalResourceId: 'ram-invitation-acceptance-Acceptance' });
  expect(ram.calls()).toHaveLength(0);
  expect(log).toHaveBeenCalledWith('delete: nothing to undo, accepted resource shares stay (the grantor revokes access)');
  log.mockRestore();
});

test('update accepts again and keeps the physical id, so the resource is never replaced', async () => {
  ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [invitation()] });
  ram.on(AcceptResourceShareInvitationCommand).resolves({});

  const result = await run({ requestType: 'Update' });

  expect(result.PhysicalResourceId).toBe('ram-invitation-acceptance-Acceptance');
  expect(ram).toHaveReceivedCommandTimes(AcceptResourceShareInvitationCommand, 1);
});

test('the lambda entry point reads the remaining time from the context', async () => {
  ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [] });

  // 30 s left is all response margin: no time to wait, so one look and a clear failure.
  await expect(handler(event({}), { getRemainingTimeInMillis: () => 30_000 })).rejects.toThrow(
    `no ram invitation from account ${GOVERNANCE} arrived within 0 seconds`,
  );
});

test('fails on properties the construct would not write, naming each', async () => {
  await expect(run({ properties: { SenderAccountIds: ['12345', GOVERNANCE], MaxWaitSeconds: '900' } })).rejects.toThrow(
    'invalid ram invitation acceptance properties (SenderAccountIds.0: must be a 12-digit aws account id; MaxWaitSeconds: must be at most 840 seconds): ' +
      'these properties are written by the RamInvitationAcceptance construct; synthesize and deploy the stack again instead of editing the template [LM330]',
  );
});

test('says what type it expected', async () => {
  await expect(run({ properties: { MaxWaitSeconds: 'soon' } })).rejects.toThrow(
    'invalid ram invitation acceptance properties (SenderAccountIds: expected a list; MaxWaitSeconds: expected a number)',
  );
});

test('fails when no sender is given', async () => {
  await expect(run({ properties: { SenderAccountIds: [], MaxWaitSeconds: '60' } })).rejects.toThrow(
    'invalid ram invitation acceptance properties (SenderAccountIds: must list at least one account)',
  );
});

test('says what failed and which permission matters when accepting is denied', async () => {
  ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [invitation()] });
  ram
    .on(AcceptResourceShareInvitationCommand)
    .rejects(Object.assign(new Error('User is not authorized'), { name: 'AccessDeniedException' }));

  await expect(run({})).rejects.toThrow(
    `accepting ram resource share invitation ${invitationArn(GOVERNANCE, 'share-1-invitation')} from account ${GOVERNANCE} failed ` +
      '(AccessDeniedException: User is not authorized): the provider role needs ram:AcceptResourceShareInvitation for invitations from this sender [LM335]',
  );
});

test('says what failed when listing invitations fails', async () => {
  ram.on(GetResourceShareInvitationsCommand).rejects(Object.assign(new Error('internal'), { name: 'ServerInternalException' }));

  await expect(run({})).rejects.toThrow(
    'listing the ram resource share invitations of this account failed (ServerInternalException: internal): fix the cause quoted here and deploy this stack again [LM336]',
  );
});
