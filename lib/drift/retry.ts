/**
 * Drift's retries, on top of the AWS SDK's own few attempts: drift reads many resources in a row,
 * and a busy account throttles Lake Formation and Glue reads; `ConcurrentModificationException`,
 * which the SDK never retries, can meet a reader while a deployment writes.
 */
import { LakemeshError } from '../errors';
import { BackoffClock, BackoffPolicy, retryWithBackoff, sdkMarksThrottling, SYSTEM_BACKOFF_CLOCK } from '../retry/backoff';
import { DRIFT_CODES } from './codes';

export type RetryPolicy = BackoffPolicy;
export type Clock = BackoffClock;

/** At most ~20 s of waiting for one call. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 8_000 };

export const SYSTEM_CLOCK: Clock = SYSTEM_BACKOFF_CLOCK;

const RETRYABLE_ERROR_NAMES: ReadonlySet<string> = new Set([
  'ConcurrentModificationException',
  'ThrottledException',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'Throttling',
]);

/** Throttling by name, or as the SDK marks it (`$retryable.throttling`). */
export function isRetryable(error: unknown): error is Error {
  return error instanceof Error && (RETRYABLE_ERROR_NAMES.has(error.name) || sdkMarksThrottling(error));
}

/**
 * Runs `operation` until it succeeds, fails with an error that is not retryable (rethrown as is),
 * or has failed `policy.maxAttempts` times with retryable errors (then LM623 naming `what`).
 * Waits are full jitter (`FULL_JITTER`).
 */
export async function withRetries<T>(what: string, operation: () => Promise<T>, policy: RetryPolicy, clock: Clock): Promise<T> {
  return retryWithBackoff(operation, {
    policy,
    clock,
    isRetryable,
    exhausted: (error, attempts) =>
      LakemeshError.of(
        DRIFT_CODES.retriesExhausted,
        `${what} still failed with ${error.name} after ${attempts} attempts: aws is throttling this account's lake formation or glue reads; wait a few minutes (or until running deployments finish) and run lakemesh drift again`,
      ),
  });
}
