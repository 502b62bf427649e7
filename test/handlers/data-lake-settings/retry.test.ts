import { LakemeshError } from '../../../lib/errors';
import { DEFAULT_RETRY_POLICY, isRetryable, RetryPolicy, withRetries } from '../../../lib/handlers/data-lake-settings/retry';
import { backoffDelay } from '../../../lib/retry/backoff';
import { fakeClock } from './fixtures';

const POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 350 };

function named(name: string): Error {
  return Object.assign(new Error(`${name} happened`), { name });
}

/** An operation that fails with `errors` in turn, then returns 'done'. */
function failingWith(...errors: Error[]): { operation: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    operation: async () => {
      const error = errors[calls++];
      if (error) throw error;
      return 'done';
    },
    calls: () => calls,
  };
}

test.each(['ConcurrentModificationException', 'ThrottledException', 'ThrottlingException', 'TooManyRequestsException'])(
  '%s is retryable',
  (name) => {
    expect(isRetryable(named(name))).toBe(true);
  },
);

test.each(['InvalidInputException', 'AccessDeniedException', 'EntityNotFoundException'])('%s is not retryable', (name) => {
  expect(isRetryable(named(name))).toBe(false);
});

test('a thrown non-error is not retryable', () => {
  expect(isRetryable('ConcurrentModificationException')).toBe(false);
});

test('retries a retryable error and returns the eventual result', async () => {
  const clock = fakeClock(0.5);
  const { operation, calls } = failingWith(named('ConcurrentModificationException'), named('ThrottlingException'));
  await expect(withRetries('writing', operation, POLICY, clock)).resolves.toBe('done');
  expect(calls()).toBe(3);
  expect(clock.sleeps).toEqual([50, 100]);
});

test('logs each retry with the error and the wait', async () => {
  const logged: string[] = [];
  const { operation } = failingWith(named('ConcurrentModificationException'));
  await withRetries('writing', operation, POLICY, fakeClock(0.5), (message) => logged.push(message));
  expect(logged).toEqual(['writing: ConcurrentModificationException on attempt 1 of 5, retrying in 50 ms']);
});

test('rethrows an error that is not retryable without waiting', async () => {
  const clock = fakeClock();
  const denied = named('AccessDeniedException');
  const { operation, calls } = failingWith(denied);
  await expect(withRetries('writing', operation, POLICY, clock)).rejects.toBe(denied);
  expect(calls()).toBe(1);
  expect(clock.sleeps).toEqual([]);
});

test('gives up after maxAttempts with a clear error', async () => {
  const clock = fakeClock(0.5);
  const { operation, calls } = failingWith(...Array.from({ length: 10 }, () => named('ThrottledException')));
  const error = await withRetries('writing', operation, POLICY, clock).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(LakemeshError);
  expect((error as LakemeshError).message).toBe(
    'writing still failed with ThrottledException after 5 attempts: another process keeps changing lake formation in this account; let it finish, then retry the deployment [LM312]',
  );
  expect(calls()).toBe(5);
  expect(clock.sleeps).toHaveLength(4);
});

test('the default policy waits at most about half a minute in all, well inside the 5 minute Lambda timeout', () => {
  expect(DEFAULT_RETRY_POLICY).toEqual({ maxAttempts: 8, baseDelayMs: 250, maxDelayMs: 10_000 });
  const nearlyOne = () => 0.999999;
  const attemptsThatWait = Array.from({ length: DEFAULT_RETRY_POLICY.maxAttempts - 1 }, (_, i) => i + 1);
  const worstCase = attemptsThatWait.reduce((sum, attempt) => sum + backoffDelay(attempt, DEFAULT_RETRY_POLICY, nearlyOne), 0);
  expect(worstCase).toBeLessThan(30_000);
});
