/** Backoff before the first retry's upper bound, in ms (reliability §1.3). */
export const BACKOFF_BASE_MS = 500;
/** No single backoff sleep is longer than this, in ms. */
export const BACKOFF_CAP_MS = 8_000;

/**
 * Full-jitter exponential backoff: a uniform draw in `[0, min(cap, base × 2^retry))`, where `retry`
 * counts from 0 for the first retry. Full jitter spreads clients that failed together (AWS).
 * `random` must return a value in [0, 1); inject one for reproducible schedules. Not rounded:
 * rounding would make equal delays common at small ceilings.
 */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, retry));
  return random() * ceiling;
}
