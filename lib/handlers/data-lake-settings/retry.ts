/**
 * Bounded exponential backoff with full jitter. Lake Formation fails parallel writes with
 * `ConcurrentModificationException`, which the AWS SDK v3 does not retry; throttling is retried
 * here too so that a busy account does not fail a deployment after the SDK's own few attempts.
 */
import { LakemeshError } from '../../errors';
import { SETTINGS_HANDLER_CODES } from './properties';

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  readonly maxAttempts: number;
  /** Upper bound of the first wait; doubles with every attempt. */
  readonly baseDelayMs: number;
  /** Upper bound of any single wait. */
  readonly maxDelayMs: number;
}

/** At most ~26 s of waiting in total: well inside the provider's Lambda timeout. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 250, maxDelayMs: 10_000 };

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

const RETRYABLE_ERROR_NAMES = new Set([
  'ConcurrentModificationException',
  'ThrottledException',
  'ThrottlingException',
  'TooManyRequestsException',
]);

export function isRetryable(error: unknown): boolean {
  return error instanceof Error && RETRYABLE_ERROR_NAMES.has(error.name);
}

/** The wait before attempt `attempt + 1`: uniformly random up to the capped exponential bound. */
export function backoffDelay(attempt: number, policy: RetryPolicy, clock: Clock): number {
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(clock.random() * bound);
}

/**
 * Runs `operation` until it succeeds, fails with an error that is not retryable (rethrown as is),
 * or has failed `policy.maxAttempts` times with retryable errors (then a `LakemeshError`).
 */
export async function withRetries<T>(
  what: string,
  operation: () => Promise<T>,
  policy: RetryPolicy,
  clock: Clock,
  log: (message: string) => void = () => undefined,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      const name = (error as Error).name;
      if (attempt >= policy.maxAttempts) {
        throw LakemeshError.of(
          SETTINGS_HANDLER_CODES.retriesExhausted,
          `${what} still failed with ${name} after ${attempt} attempts: another process keeps changing lake formation in this account; let it finish, then retry the deployment`,
        );
      }
      const delay = backoffDelay(attempt, policy, clock);
      log(`${what}: ${name} on attempt ${attempt} of ${policy.maxAttempts}, retrying in ${delay} ms`);
      await clock.sleep(delay);
    }
  }
}
