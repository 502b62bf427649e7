/**
 * Bounded retry with exponential backoff and full jitter, on top of the AWS SDK's own few
 * attempts: drift reads many resources in a row, and a busy account throttles Lake Formation and
 * Glue reads; `ConcurrentModificationException`, which the SDK never retries, can meet a reader
 * while a deployment writes.
 */
import { LakemeshError } from '../errors';
import { DRIFT_CODES } from './codes';

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
  /** Upper bound of the first wait; doubles with every attempt. */
  readonly baseDelayMs: number;
  /** Upper bound of any single wait. */
  readonly maxDelayMs: number;
}

/** At most ~20 s of waiting for one call. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 8_000 };

/** Time and chance, injected so that tests run instantly and deterministically. */
export interface Clock {
  sleep(milliseconds: number): Promise<void>;
  /** A number in [0, 1), like `Math.random`. */
  random(): number;
}

export const SYSTEM_CLOCK: Clock = {
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
  random: Math.random,
};

const RETRYABLE_ERROR_NAMES: ReadonlySet<string> = new Set([
  'ConcurrentModificationException',
  'ThrottledException',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'Throttling',
]);

/** Throttling by name, or as the SDK marks it (`$retryable.throttling`). */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const retryable = (error as { $retryable?: { throttling?: boolean } }).$retryable;
  return RETRYABLE_ERROR_NAMES.has(error.name) || retryable?.throttling === true;
}

/** The wait before attempt `attempt + 1`: uniformly random up to the capped exponential bound. */
export function backoffDelay(attempt: number, policy: RetryPolicy, clock: Clock): number {
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(clock.random() * bound);
}

/**
 * Runs `operation` until it succeeds, fails with an error that is not retryable (rethrown as is),
 * or has failed `policy.maxAttempts` times with retryable errors (then LM623 naming `what`).
 */
export async function withRetries<T>(what: string, operation: () => Promise<T>, policy: RetryPolicy, clock: Clock): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= policy.maxAttempts) {
        throw LakemeshError.of(
          DRIFT_CODES.retriesExhausted,
          `${what} still failed with ${(error as Error).name} after ${attempt} attempts: aws is throttling this account's lake formation or glue reads; wait a few minutes (or until running deployments finish) and run lakemesh drift again`,
        );
      }
      await clock.sleep(backoffDelay(attempt, policy, clock));
    }
  }
}
