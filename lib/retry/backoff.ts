/**
 * Bounded retry with exponential backoff and jitter, for calls the AWS SDK does not retry enough:
 * Lake Formation's `ConcurrentModificationException` (never retried by the SDK) and throttling in a
 * busy account. Callers decide what is retryable and what to throw when the attempts run out.
 *
 * Lambda handlers bundle this file with esbuild: it imports nothing, and time and chance come in
 * through `BackoffClock`, so tests run instantly and deterministically.
 */

export interface BackoffPolicy {
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
  /** Window of the first wait; doubles with every attempt. */
  readonly baseDelayMs: number;
  /** Upper bound of any window. */
  readonly maxDelayMs: number;
}

/** Time and chance, injected so that tests run instantly and deterministically. */
export interface BackoffClock {
  sleep(milliseconds: number): Promise<void>;
  /** A number in [0, 1), like `Math.random`. */
  random(): number;
}

export const SYSTEM_BACKOFF_CLOCK: BackoffClock = {
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
  random: Math.random,
};

/** Draws a wait from its window, given a number in [0, 1). */
export type Jitter = (windowMs: number, random: number) => number;

/** Anywhere from zero up to the window ("full jitter"), in whole milliseconds. */
export const FULL_JITTER: Jitter = (windowMs, random) => Math.floor(random * windowMs);

/** Half the window plus a random part of the other half ("equal jitter"): never zero, never in lockstep. */
export const EQUAL_JITTER: Jitter = (windowMs, random) => Math.round(windowMs / 2 + random * (windowMs / 2));

/** The window of the wait after attempt `attempt` (1-based): the base doubled per attempt, capped. */
export function backoffWindow(attempt: number, policy: BackoffPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

/** The wait before attempt `attempt + 1`. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number, jitter: Jitter = FULL_JITTER): number {
  return jitter(backoffWindow(attempt, policy), random());
}

/** Whether the AWS SDK v3 marks `error` as throttling (`$retryable.throttling`), whatever its name. */
export function sdkMarksThrottling(error: Error): boolean {
  return (error as { $retryable?: { throttling?: boolean } }).$retryable?.throttling === true;
}

/** A retry about to wait. */
export interface RetryNotice {
  readonly error: Error;
  /** The attempt that failed, 1-based. */
  readonly attempt: number;
  readonly delayMs: number;
}

/** A point in time the retries must not wait past. */
export interface RetryDeadline {
  /** Milliseconds on the `now` clock. */
  readonly atMs: number;
  now(): number;
}

export interface RetryOptions {
  readonly policy: BackoffPolicy;
  readonly clock: BackoffClock;
  /** Errors to retry; any other error is rethrown as is, at once. */
  readonly isRetryable: (error: unknown) => error is Error;
  /** The error thrown instead of the last retryable one, once no retry is left. */
  readonly exhausted: (lastError: Error, attempts: number) => Error;
  /** @default FULL_JITTER */
  readonly jitter?: Jitter;
  /**
   * Gives up (with `exhausted`) rather than start a wait that would end at or after it.
   * @default - only `policy.maxAttempts` bounds the retries
   */
  readonly deadline?: RetryDeadline;
  /** Told before each wait, e.g. to log it. @default - nothing */
  readonly onRetry?: (notice: RetryNotice) => void;
}

/**
 * Runs `operation` until it succeeds, fails with an error that is not retryable (rethrown as is),
 * or has failed `policy.maxAttempts` times, or the next wait would pass the deadline (then the
 * error from `exhausted`).
 */
export async function retryWithBackoff<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { policy, clock } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!options.isRetryable(error)) throw error;
      if (attempt >= policy.maxAttempts) throw options.exhausted(error, attempt);
      const delayMs = backoffDelay(attempt, policy, () => clock.random(), options.jitter);
      if (options.deadline && options.deadline.now() + delayMs >= options.deadline.atMs) throw options.exhausted(error, attempt);
      options.onRetry?.({ error, attempt, delayMs });
      await clock.sleep(delayMs);
    }
  }
}
