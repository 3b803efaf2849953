/**
 * How the delivery job spaces its retries: exponential back-off from `baseMs`, capped at `maxMs`, with up to
 * `jitter` (a fraction) taken off at random so that many failed sends do not all come back in the same second.
 */
export type RetryPolicy = { baseMs: number; factor: number; maxMs: number; maxAttempts: number; jitter: number };

/** 30 s, 1, 2, 4, 8, 16, 32 min, then 1 h: eight attempts over about two hours, then the delivery is given up. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 30_000, factor: 2, maxMs: 60 * 60_000, maxAttempts: 8, jitter: 0.2 };

/**
 * The delay before the next attempt after `attempts` attempts have failed (1 after the first), or null when the
 * policy's attempts are used up. Pure: the random source is passed in (any number in [0, 1); tests pin it).
 */
export function retryDelay(
  attempts: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): number | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a whole number ≥ 1, got ${attempts}`);
  if (attempts >= policy.maxAttempts) return null;
  const capped = Math.min(policy.maxMs, policy.baseMs * policy.factor ** (attempts - 1));
  const share = Math.min(Math.max(random(), 0), 1);
  const jitter = Math.min(Math.max(policy.jitter, 0), 1);
  return Math.round(capped * (1 - jitter * share));
}

/** When the next attempt is due, or null when there is none: `retryDelay` added to the time of the failed attempt. */
export function nextAttemptAt(
  failedAt: Date,
  attempts: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): Date | null {
  const delay = retryDelay(attempts, policy, random);
  return delay === null ? null : new Date(failedAt.getTime() + delay);
}
