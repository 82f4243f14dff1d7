import { describe, expect, it } from 'vitest';
import { backoffCapMs, retryDelayMs } from './retry-policy.ts';

describe('retry backoff', () => {
  it('doubles from 30 seconds after each failed attempt', () => {
    const top = () => 0.999_999;
    expect(retryDelayMs(1, top)).toBe(30_000);
    expect(retryDelayMs(2, top)).toBe(60_000);
    expect(retryDelayMs(3, top)).toBe(120_000);
    expect(retryDelayMs(5, top)).toBe(480_000);
  });

  it('never waits longer than an hour however many attempts failed', () => {
    for (const attempts of [8, 9, 50, 1000]) {
      expect(retryDelayMs(attempts, () => 0.999_999)).toBeLessThanOrEqual(backoffCapMs);
      expect(retryDelayMs(attempts, () => 0.999_999)).toBeGreaterThan(backoffCapMs - 10);
    }
    expect(retryDelayMs(7, () => 0.999_999)).toBeLessThan(backoffCapMs);
  });

  it('spreads retries between half and the whole step', () => {
    expect(retryDelayMs(1, () => 0)).toBe(15_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(90_000);
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(4)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(120_000);
      expect(delay).toBeLessThanOrEqual(240_000);
    }
  });
});
