import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy, retryDelay } from './retry';

const policy = fc.record({
  baseMs: fc.integer({ min: 1, max: 600_000 }),
  factor: fc.double({ min: 1, max: 4, noNaN: true }),
  maxMs: fc.integer({ min: 1, max: 86_400_000 }),
  maxAttempts: fc.integer({ min: 2, max: 50 }),
  jitter: fc.double({ min: 0, max: 1, noNaN: true }),
}) satisfies fc.Arbitrary<RetryPolicy>;
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('retryDelay', () => {
  it('doubles from 30 s up to an hour by default, and gives up after the eighth attempt', () => {
    const none = () => 0;
    const delays = [1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelay(attempt, DEFAULT_RETRY_POLICY, none));
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
    expect(retryDelay(7, { ...DEFAULT_RETRY_POLICY, maxAttempts: 20 }, none)).toBe(1_920_000);
    expect(retryDelay(8, { ...DEFAULT_RETRY_POLICY, maxAttempts: 20 }, none)).toBe(3_600_000);
    expect(retryDelay(15, { ...DEFAULT_RETRY_POLICY, maxAttempts: 20 }, none)).toBe(3_600_000);
    expect(retryDelay(8, DEFAULT_RETRY_POLICY, none)).toBeNull();
  });

  it('takes the jitter off the delay, never adds it', () => {
    expect(retryDelay(1, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(27_000);
    expect(retryDelay(1, DEFAULT_RETRY_POLICY, () => 0.999_999)).toBe(24_000);
  });

  it('stays within the cap and the jitter band, whatever the policy and the random draw', () => {
    fc.assert(
      fc.property(policy, unit, fc.integer({ min: 1, max: 60 }), (p, r, attempts) => {
        const delay = retryDelay(attempts, p, () => r);
        if (attempts >= p.maxAttempts) {
          expect(delay).toBeNull();
          return;
        }
        const full = Math.min(p.maxMs, p.baseMs * p.factor ** (attempts - 1));
        expect(delay).not.toBeNull();
        expect(delay).toBeLessThanOrEqual(Math.round(full));
        expect(delay).toBeLessThanOrEqual(p.maxMs);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(full * (1 - p.jitter)));
      }),
    );
  });

  it('never shortens from one attempt to the next for the same draw', () => {
    fc.assert(
      fc.property(policy, unit, fc.integer({ min: 1, max: 48 }), (p, r, attempts) => {
        fc.pre(attempts + 1 < p.maxAttempts);
        const now = retryDelay(attempts, p, () => r) ?? 0;
        const next = retryDelay(attempts + 1, p, () => r) ?? 0;
        expect(next).toBeGreaterThanOrEqual(now);
      }),
    );
  });

  it('refuses an attempt count that is not a whole number from 1', () => {
    expect(() => retryDelay(0)).toThrow(RangeError);
    expect(() => retryDelay(1.5)).toThrow(RangeError);
    expect(() => retryDelay(Number.NaN)).toThrow(RangeError);
  });

  it('copes with a random source outside [0, 1)', () => {
    expect(retryDelay(1, DEFAULT_RETRY_POLICY, () => -3)).toBe(30_000);
    expect(retryDelay(1, DEFAULT_RETRY_POLICY, () => 7)).toBe(24_000);
  });
});

describe('nextAttemptAt', () => {
  it('adds the delay to the time of the failed attempt', () => {
    const failedAt = new Date('2026-03-01T08:00:00+08:00');
    expect(nextAttemptAt(failedAt, 2, DEFAULT_RETRY_POLICY, () => 0)?.toISOString()).toBe('2026-03-01T00:01:00.000Z');
    expect(nextAttemptAt(failedAt, 8, DEFAULT_RETRY_POLICY, () => 0)).toBeNull();
  });
});
