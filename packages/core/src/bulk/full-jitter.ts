/** Upper bound of the first retry's backoff, in ms (reliability §1.3). */
export const BACKOFF_BASE_MS = 500;
/** No single backoff sleep is longer than this, in ms. */
export const BACKOFF_CAP_MS = 8_000;

/** Full-jitter exponential backoff: uniform in `[0, min(cap, base × 2^retry))`, `retry` from 0. */
export function fullJitter(retry: number, random: () => number): number {
  return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, retry)));
}
