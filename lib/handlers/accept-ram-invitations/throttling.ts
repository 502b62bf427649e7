/**
 * Bounded retry with jitter for RAM throttling. The SDK retries throttling itself (3 attempts by
 * default); a deploy that runs into a busy account deserves a few more, spread out so that parallel
 * stacks do not retry in lockstep, but never past the handler's deadline.
 */
import { LakemeshError } from '../../errors';
import { Clock } from './clock';

export const THROTTLED_CODE = 'LM334';

/** Attempts per call (the first one included), and the backoff window of each retry. */
export const THROTTLING_RETRY = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 15_000 } as const;

const THROTTLING_ERROR_NAMES = new Set(['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded']);

export function isThrottling(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const retryable = (error as { $retryable?: { throttling?: boolean } }).$retryable;
  return THROTTLING_ERROR_NAMES.has(error.name) || retryable?.throttling === true;
}

/**
 * Runs `call`, retrying while RAM throttles it. "Equal jitter": each wait is half the exponential
 * window plus a random part of the other half, so it is never zero and never synchronised.
 */
export async function retryWhenThrottled<T>(operation: string, call: () => Promise<T>, clock: Clock, deadline: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isThrottling(error)) throw error;
      const window = Math.min(THROTTLING_RETRY.maxDelayMs, THROTTLING_RETRY.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.round(window / 2 + clock.random() * (window / 2));
      if (attempt >= THROTTLING_RETRY.maxAttempts || clock.now() + delay >= deadline) {
        throw LakemeshError.of(
          THROTTLED_CODE,
          `aws ram kept throttling ${operation} (${attempt} attempts, last error: ${(error as Error).message}): ` +
            'deploy this stack again in a few minutes; if it persists, look for other automation calling aws ram in this account and region',
        );
      }
      await clock.sleep(delay);
    }
  }
}
