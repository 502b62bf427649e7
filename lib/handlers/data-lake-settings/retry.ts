/**
 * The settings handler's retries. Lake Formation fails parallel writes with
 * `ConcurrentModificationException`, which the AWS SDK v3 does not retry; throttling is retried
 * here too so that a busy account does not fail a deployment after the SDK's own few attempts.
 */
import { LakemeshError } from '../../errors';
import { BackoffClock, BackoffPolicy, retryWithBackoff, SYSTEM_BACKOFF_CLOCK } from '../../retry/backoff';
import { SETTINGS_HANDLER_CODES } from './properties';

export type RetryPolicy = BackoffPolicy;
export type Clock = BackoffClock;

/** At most ~26 s of waiting in total: well inside the provider's Lambda timeout. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 250, maxDelayMs: 10_000 };

export const SYSTEM_CLOCK: Clock = SYSTEM_BACKOFF_CLOCK;

const RETRYABLE_ERROR_NAMES: ReadonlySet<string> = new Set([
  'ConcurrentModificationException',
  'ThrottledException',
  'ThrottlingException',
  'TooManyRequestsException',
]);

export function isRetryable(error: unknown): error is Error {
  return error instanceof Error && RETRYABLE_ERROR_NAMES.has(error.name);
}

/**
 * Runs `operation` until it succeeds, fails with an error that is not retryable (rethrown as is),
 * or has failed `policy.maxAttempts` times with retryable errors (then a `LakemeshError`), logging
 * each retry. Waits are full jitter (`FULL_JITTER`).
 */
export async function withRetries<T>(
  what: string,
  operation: () => Promise<T>,
  policy: RetryPolicy,
  clock: Clock,
  log: (message: string) => void = () => undefined,
): Promise<T> {
  return retryWithBackoff(operation, {
    policy,
    clock,
    isRetryable,
    exhausted: (error, attempts) =>
      LakemeshError.of(
        SETTINGS_HANDLER_CODES.retriesExhausted,
        `${what} still failed with ${error.name} after ${attempts} attempts: another process keeps changing lake formation in this account; let it finish, then retry the deployment`,
      ),
    onRetry: ({ error, attempt, delayMs }) => log(`${what}: ${error.name} on attempt ${attempt} of ${policy.maxAttempts}, retrying in ${delayMs} ms`),
  });
}
