import { AcceptResourceShareInvitationCommand, GetResourceShareInvitationsCommand, RAMClient, ThrottlingException } from '@aws-sdk/client-ram';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { handleEvent } from '../../../lib/handlers/accept-ram-invitations/index';
import { isThrottling } from '../../../lib/handlers/accept-ram-invitations/throttling';
import { event, EventOptions, FakeClock, invitation } from './fixtures';

const ram = mockClient(RAMClient);
const throttled = () => new ThrottlingException({ message: 'Rate exceeded', $metadata: {} });

let clock: FakeClock;

beforeEach(() => {
  ram.reset();
  clock = new FakeClock(Date.parse('2026-11-01T12:00:00Z'), 0.5);
});

function run(options: EventOptions = {}) {
  return handleEvent(event(options), { ram: new RAMClient({ region: 'eu-west-1' }), clock, log: () => undefined });
}

test('retries a throttled listing with growing jittered waits, then goes on', async () => {
  ram
    .on(GetResourceShareInvitationsCommand)
    .rejectsOnce(throttled())
    .rejectsOnce(throttled())
    .resolves({ resourceShareInvitations: [invitation({ status: 'ACCEPTED' })] });

  const result = await run();

  expect(result.Data).toEqual({ AcceptedInvitationCount: 0, PreviouslyAcceptedShareCount: 1 });
  // Half of each window plus half of the rest (random() = 0.5): windows of 1 s and 2 s.
  expect(clock.sleeps).toEqual([750, 1_500]);
});

test('retries a throttled accept, then succeeds', async () => {
  ram.on(GetResourceShareInvitationsCommand).resolves({ resourceShareInvitations: [invitation()] });
  ram.on(AcceptResourceShareInvitationCommand).rejectsOnce(throttled()).resolves({});

  const result = await run();

  expect(ram).toHaveReceivedCommandTimes(AcceptResourceShareInvitationCommand, 2);
  expect(result.Data).toEqual({ AcceptedInvitationCount: 1, PreviouslyAcceptedShareCount: 0 });
});

test('jitter spreads the waits of parallel deployments', async () => {
  clock = new FakeClock(0, 0.9);
  ram.on(GetResourceShareInvitationsCommand).rejectsOnce(throttled()).resolves({ resourceShareInvitations: [invitation({ status: 'ACCEPTED' })] });

  await run();

  expect(clock.sleeps).toEqual([950]);
});

test('gives up after a bounded number of attempts with a clear message', async () => {
  ram.on(GetResourceShareInvitationsCommand).rejects(throttled());

  await expect(run()).rejects.toThrow(
    'aws ram kept throttling GetResourceShareInvitations (6 attempts, last error: Rate exceeded): ' +
      'deploy this stack again in a few minutes; if it persists, look for other automation calling aws ram in this account and region [LM334]',
  );
  expect(ram).toHaveReceivedCommandTimes(GetResourceShareInvitationsCommand, 6);
  // Windows 1, 2, 4, 8, 15 (capped) seconds.
  expect(clock.sleeps).toEqual([750, 1_500, 3_000, 6_000, 11_250]);
});

test('stops retrying when the next wait would pass the deadline', async () => {
  ram.on(GetResourceShareInvitationsCommand).rejects(throttled());

  await expect(run({ maxWaitSeconds: '2' })).rejects.toThrow('aws ram kept throttling GetResourceShareInvitations (2 attempts');
  expect(clock.sleeps).toEqual([750]);
});

test.each([
  ['ThrottlingException', Object.assign(new Error('slow down'), { name: 'ThrottlingException' }), true],
  ['TooManyRequestsException', Object.assign(new Error('slow down'), { name: 'TooManyRequestsException' }), true],
  ['an error the sdk marks as throttling', Object.assign(new Error('slow down'), { name: 'Whatever', $retryable: { throttling: true } }), true],
  ['AccessDeniedException', Object.assign(new Error('no'), { name: 'AccessDeniedException' }), false],
  ['a string', 'ThrottlingException', false],
])('isThrottling recognises %s', (_label, error, expected) => {
  expect(isThrottling(error)).toBe(expected);
});
