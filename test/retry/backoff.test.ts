import {
  BackoffClock,
  BackoffPolicy,
  backoffDelay,
  backoffWindow,
  EQUAL_JITTER,
  FULL_JITTER,
  RetryNotice,
  RetryOptions,
  retryWithBackoff,
  sdkMarksThrottling,
  SYSTEM_BACKOFF_CLOCK,
} from '../../lib/retry/backoff';

const POLICY: BackoffPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 350 };

/** A clock whose `random()` is `random` and whose time advances only by the waits. */
function fakeClock(random = 0.5): BackoffClock & { sleeps: number[]; now(): number } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => sleeps.reduce((sum, wait) => sum + wait, 0),
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds);
    },
    random: () => random,
  };
}

function named(name: string, message = `${name} happened`): Error {
  return Object.assign(new Error(message), { name });
}

const isBusy = (error: unknown): error is Error => error instanceof Error && error.name === 'Busy';

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

function options(clock: BackoffClock, overrides: Partial<RetryOptions> = {}): RetryOptions {
  return {
    policy: POLICY,
    clock,
    isRetryable: isBusy,
    exhausted: (error, attempts) => new Error(`gave up after ${attempts} attempts: ${error.message}`),
    ...overrides,
  };
}

describe('backoff windows and jitter', () => {
  test('the window doubles per attempt and stops at the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffWindow(attempt, POLICY))).toEqual([100, 200, 350, 350, 350]);
  });

  test('full jitter: anywhere from zero up to the window, rounded down', () => {
    expect(FULL_JITTER(350, 0)).toBe(0);
    expect(FULL_JITTER(350, 0.25)).toBe(87);
    expect(FULL_JITTER(350, 0.999999)).toBe(349);
  });

  test('equal jitter: half the window plus a random part of the other half, rounded', () => {
    expect(EQUAL_JITTER(1_000, 0)).toBe(500);
    expect(EQUAL_JITTER(1_000, 0.5)).toBe(750);
    expect(EQUAL_JITTER(15_000, 0.5)).toBe(11_250);
    expect(EQUAL_JITTER(1_000, 0.9)).toBe(950);
    expect(EQUAL_JITTER(3, 0.5)).toBe(2);
  });

  test('the delay is full jitter unless told otherwise', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, POLICY, () => 0.999999))).toEqual([99, 199, 349, 349]);
    expect(backoffDelay(1, POLICY, () => 0.5, EQUAL_JITTER)).toBe(75);
  });

  test('the system clock uses Math.random', () => {
    expect(SYSTEM_BACKOFF_CLOCK.random).toBe(Math.random);
  });
});

test.each([
  ['an error the sdk marks as throttling', Object.assign(new Error('slow'), { $retryable: { throttling: true } }), true],
  ['an error the sdk marks as retryable but not throttling', Object.assign(new Error('slow'), { $retryable: { throttling: false } }), false],
  ['an error without the mark', new Error('slow'), false],
])('sdkMarksThrottling: %s', (_label, error, expected) => {
  expect(sdkMarksThrottling(error)).toBe(expected);
});

describe('retryWithBackoff', () => {
  test('returns the first result without waiting', async () => {
    const clock = fakeClock();
    await expect(retryWithBackoff(async () => 'done', options(clock))).resolves.toBe('done');
    expect(clock.sleeps).toEqual([]);
  });

  test('retries retryable errors with growing waits and returns the eventual result', async () => {
    const clock = fakeClock(0.5);
    const { operation, calls } = failingWith(named('Busy'), named('Busy'), named('Busy'));
    await expect(retryWithBackoff(operation, options(clock))).resolves.toBe('done');
    expect(calls()).toBe(4);
    expect(clock.sleeps).toEqual([50, 100, 175]);
  });

  test('uses the given jitter', async () => {
    const clock = fakeClock(0.5);
    const { operation } = failingWith(named('Busy'), named('Busy'));
    await retryWithBackoff(operation, options(clock, { jitter: EQUAL_JITTER }));
    expect(clock.sleeps).toEqual([75, 150]);
  });

  test('tells onRetry about each wait before it starts', async () => {
    const clock = fakeClock(0.5);
    const seen: { notice: RetryNotice; waitsBefore: number }[] = [];
    const first = named('Busy');
    const { operation } = failingWith(first);
    await retryWithBackoff(operation, options(clock, { onRetry: (notice) => seen.push({ notice, waitsBefore: clock.sleeps.length }) }));
    expect(seen).toEqual([{ notice: { error: first, attempt: 1, delayMs: 50 }, waitsBefore: 0 }]);
  });

  test('rethrows an error that is not retryable at once, without waiting', async () => {
    const clock = fakeClock();
    const denied = named('AccessDenied');
    const { operation, calls } = failingWith(named('Busy'), denied);
    await expect(retryWithBackoff(operation, options(clock))).rejects.toBe(denied);
    expect(calls()).toBe(2);
    expect(clock.sleeps).toEqual([50]);
  });

  test('after maxAttempts throws what exhausted makes of the last error and the attempt count', async () => {
    const clock = fakeClock(0.5);
    const errors = Array.from({ length: 10 }, (_, i) => named('Busy', `busy ${i + 1}`));
    const { operation, calls } = failingWith(...errors);
    await expect(retryWithBackoff(operation, options(clock))).rejects.toThrow(new Error('gave up after 5 attempts: busy 5'));
    expect(calls()).toBe(5);
    expect(clock.sleeps).toEqual([50, 100, 175, 175]);
  });

  test('gives up rather than start a wait that would reach the deadline', async () => {
    const clock = fakeClock(0.5);
    const { operation, calls } = failingWith(...Array.from({ length: 10 }, () => named('Busy')));
    // Waits of 50 and 100 ms end at 50 and 150; the third (175 ms) would end at 325, the deadline.
    const deadline = { atMs: 325, now: () => clock.now() };
    await expect(retryWithBackoff(operation, options(clock, { deadline }))).rejects.toThrow('gave up after 3 attempts');
    expect(calls()).toBe(3);
    expect(clock.sleeps).toEqual([50, 100]);
  });

  test('a wait that ends just before the deadline still happens', async () => {
    const clock = fakeClock(0.5);
    const { operation } = failingWith(named('Busy'), named('Busy'), named('Busy'));
    await expect(retryWithBackoff(operation, options(clock, { deadline: { atMs: 326, now: () => clock.now() } }))).resolves.toBe('done');
    expect(clock.sleeps).toEqual([50, 100, 175]);
  });
});
