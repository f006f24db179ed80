import type { Clock } from "../clock.ts";
import { sleep } from "../sleep.ts";

/** Options of `createRateLimiter`; every field has a default. */
export interface RateLimiterOptions {
  /** A ceiling in requests per second that is never exceeded, e.g. your plan's limit. Default: none. */
  maxRate?: number;
  /** The adaptive rate never drops below this many requests per second. Default: 1. */
  minRate?: number;
}

/** The rate limiter's view of one request, from `acquire` to its answer. */
export interface RateLimiter {
  /**
   * Waits until a request may start: past any shared pause (Retry-After, throttle backoff) and, once
   * the server has throttled, within the adaptive rate. Resolves to the start time. Rejects with
   * `RateLimitStop` instead of waiting when the pause ends more than `maxWaitMs` from now, and with
   * the signal's reason on abort.
   */
  acquire(clock: Clock, signal: AbortSignal, maxWaitMs: number): Promise<number>;
  /**
   * A request that started at `startedAt` was throttled (429 or 503). With `retryAfterMs` every
   * request waits that long; without it the shared pause grows exponentially (with jitter) for as
   * long as throttles keep coming. Either way the rate drops to 70% of what was being sent.
   */
  onThrottle(
    clock: Clock,
    startedAt: number,
    retryAfterMs: number | undefined,
    random: () => number,
  ): void;
  /** A request got a non-throttle answer: the backoff resets and the rate grows back. */
  onSuccess(clock: Clock): void;
  /** Current adaptive rate in requests per second; undefined while unlimited. */
  readonly rate: number | undefined;
  /** Time before which no request starts. */
  readonly pausedUntil: number;
}

/** Thrown by `acquire` when the server asked for a longer wait than the job accepts. */
export class RateLimitStop extends Error {
  override name = "RateLimitStop";
  constructor(readonly resumeAt: number) {
    super(`the API asked to wait until ${new Date(resumeAt).toISOString()}`);
  }
}

const BETA = 0.7;
const PROBE_PER_SECOND = 0.05;
const WINDOW_MS = 1000;
const RING = 512;
const THROTTLE_BASE_MS = 500;
const THROTTLE_CAP_MS = 8_000;

/**
 * Creates the limiter every bulk job of a client shares. It is unlimited (or `maxRate`) until the
 * server throttles; then it paces requests at an adaptive rate: ×0.7 of the measured send rate on
 * each fresh throttle, back towards that level at half the gap per second, then probing upwards by
 * 5% per second. A throttle answering a request sent before the last reaction is not counted again,
 * so K requests in flight that all get 429 slow the job down once, not K times.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const maxRate = options.maxRate;
  const minRate = Math.min(options.minRate ?? 1, maxRate ?? Number.POSITIVE_INFINITY);
  let rate: number | undefined;
  let ceiling = 0;
  let lastAdjust = 0;
  let lastReaction = Number.NEGATIVE_INFINITY;
  let level = 0;
  let pausedUntil = 0;
  let nextSlot = 0;
  const starts: number[] = [];

  const interval = () => {
    const r = Math.min(rate ?? Number.POSITIVE_INFINITY, maxRate ?? Number.POSITIVE_INFINITY);
    return Number.isFinite(r) ? 1000 / r : 0;
  };
  const measuredRate = (now: number) => {
    let count = 0;
    let oldest = now;
    for (const t of starts) {
      if (now - t <= WINDOW_MS) {
        count++;
        oldest = Math.min(oldest, t);
      }
    }
    if (count < RING) return count * (1000 / WINDOW_MS);
    return (count * 1000) / Math.max(1, now - oldest);
  };

  return {
    async acquire(clock, signal, maxWaitMs) {
      for (;;) {
        signal.throwIfAborted();
        const now = clock.now();
        if (pausedUntil > now) {
          if (pausedUntil - now > maxWaitMs) throw new RateLimitStop(pausedUntil);
          await sleep(pausedUntil - now, clock, signal);
          continue;
        }
        const gap = interval();
        const slot = Math.max(nextSlot, now);
        if (gap === 0 || slot <= now) {
          nextSlot = now + gap;
          starts.push(now);
          if (starts.length > RING) starts.shift();
          return now;
        }
        await sleep(slot - now, clock, signal);
      }
    },
    onThrottle(clock, startedAt, retryAfterMs, random) {
      const now = clock.now();
      if (retryAfterMs !== undefined) pausedUntil = Math.max(pausedUntil, now + retryAfterMs);
      if (startedAt < lastReaction) return;
      lastReaction = now;
      const sent = Math.max(measuredRate(now), minRate);
      ceiling = Math.max(minRate, Math.min(rate ?? sent, sent));
      rate = Math.max(minRate, ceiling * BETA);
      lastAdjust = now;
      if (retryAfterMs === undefined) {
        const cap = Math.min(THROTTLE_CAP_MS, THROTTLE_BASE_MS * 2 ** level);
        level++;
        // Equal jitter: the whole job pauses, so the pause must not collapse towards zero.
        pausedUntil = Math.max(pausedUntil, now + cap / 2 + random() * (cap / 2));
      }
    },
    onSuccess(clock) {
      level = 0;
      if (rate === undefined) return;
      const now = clock.now();
      const seconds = Math.max(0, now - lastAdjust) / 1000;
      lastAdjust = now;
      rate =
        rate < ceiling
          ? rate +
            (ceiling - rate) * Math.min(1, seconds * 0.5) +
            ceiling * PROBE_PER_SECOND * seconds
          : rate * (1 + PROBE_PER_SECOND * seconds);
      if (maxRate !== undefined) rate = Math.min(rate, maxRate);
    },
    get rate() {
      return rate;
    },
    get pausedUntil() {
      return pausedUntil;
    },
  };
}
