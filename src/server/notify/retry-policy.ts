export const backoffBaseMs = 30_000;
export const backoffCapMs = 60 * 60_000;

/**
 * How long to wait before attempt `attempts + 1`: exponential from 30 s, capped at an hour,
 * with "full jitter" so that a provider's outage does not end in a synchronized burst.
 * `random` is in [0, 1); the delay never drops below half the exponential step.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  const step = Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.min(exponent, 20));
  return Math.round(step / 2 + (step / 2) * random());
}
