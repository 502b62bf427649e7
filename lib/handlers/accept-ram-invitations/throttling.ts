/**
 * Bounded retry with jitter for RAM throttling. The SDK retries throttling itself (3 attempts by
 * default); a deploy that runs into a busy account deserves a few more, spread out so that parallel
 * stacks do not retry in lockstep, but never past the handler's deadline.
 */
import { LakemeshError } from '../../errors';
import { BackoffPolicy, EQUAL_JITTER, retryWithBackoff, sdkMarksThrottling } from '../../retry/backoff';
import { Clock } from './clock';

export const THROTTLED_CODE = 'LM334';

/** Attempts per call (the first one included), and the backoff window of each retry. */
export const THROTTLING_RETRY: BackoffPolicy = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 15_000 };

const THROTTLING_ERROR_NAMES: ReadonlySet<string> = new Set(['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded']);

export function isThrottling(error: unknown): error is Error {
  return error instanceof Error && (THROTTLING_ERROR_NAMES.has(error.name) || sdkMarksThrottling(error));
}

/**
 * Runs `call`, retrying while RAM throttles it. "Equal jitter" (`EQUAL_JITTER`): each wait is half
 * the exponential window plus a random part of the other half, so it is never zero and never
 * synchronised. Gives up rather than wait until `deadline` (milliseconds on `clock.now()`).
 */
export async function retryWhenThrottled<T>(operation: string, call: () => Promise<T>, clock: Clock, deadline: number): Promise<T> {
  return retryWithBackoff(call, {
    policy: THROTTLING_RETRY,
    clock,
    jitter: EQUAL_JITTER,
    deadline: { atMs: deadline, now: () => clock.now() },
    isRetryable: isThrottling,
    exhausted: (error, attempts) =>
      LakemeshError.of(
        THROTTLED_CODE,
        `aws ram kept throttling ${operation} (${attempts} attempts, last error: ${error.message}): ` +
          'deploy this stack again in a few minutes; if it persists, look for other automation calling aws ram in this account and region',
      ),
  });
}
