import type { Clock } from "../clock.ts";
import { sleep } from "../sleep.ts";

/** Options of `createRateLimiter`; every field has a default. */
export interface RateLimiterOptions {
  /** A ceiling in requests per second that is never exceeded, e.g. your plan's limit. Default: none. */
  maxRate?: number;
  /** The adaptive rate never drops below this many requests per second. Default: 1. */
  minRate?: number;
}

/** What `acquire` grants: when the request starts, and whether it is the probe after a pause. */
export interface Permit {
  startedAt: number;
  probe: boolean;
}

/** The rate limiter every bulk job of a client shares. */
export interface RateLimiter {
  /**
   * Waits until a request may start: past any shared pause, behind the one probe request sent
   * when a pause ends, and within the adaptive rate once the server has rate-limited. Rejects with
   * `RateLimitStop` instead of waiting when a pause ends more than `maxWaitMs` from now, and with
   * the signal's reason on abort. Every permit must be settled with `onAnswer` or `onThrottle`.
   */
  acquire(clock: Clock, signal: AbortSignal, maxWaitMs: number): Promise<Permit>;
  /**
   * The request was turned away: `status` 429 (rate limited) or 503 (unavailable). All requests
   * wait `retryAfterMs` when given, else a shared backoff that grows while refusals keep coming.
   * A 429 also sets the rate just under the success rate the server was allowing.
   */
  onThrottle(
    clock: Clock,
    permit: Permit,
    status: number,
    retryAfterMs: number | undefined,
    random: () => number,
  ): void;
  /**
   * A refusal seen at the wire, as soon as its headers arrive (`gateFetch`): its `Retry-After`
   * pauses every request from this moment, before the refusal has travelled up to the job.
   */
  onRefusalSeen(now: number, retryAfterMs: number | undefined): void;
  /** The request got any other answer, or none (a connection failure): not a refusal. */
  onAnswer(clock: Clock, permit: Permit, success: boolean): void;
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

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;
const RATE_SHARE = 0.9; // of the measured success rate, after a 429
const MEASURE_MS = 5_000;
const MIN_SAMPLES = 5; // fewer successes than this in the window: an outage, not a rate
const FAST_GROWTH = 0.05; // per second, far below the last limit seen
const SLOW_GROWTH = 0.002; // per second, near it: probing past a limit costs a pause
const UNLIMITED_AT = 1_000;
const RATIO_WEIGHT = 0.05; // of each answer, in the moving ratio of refusals

/**
 * Creates the limiter that every bulk job of a client shares (catalogue CC2, CC4, CC8).
 *
 * - Pauses: a `Retry-After` pauses every job until then. A refusal without one pauses every job
 *   for an exponential backoff (equal jitter, 0.5 s doubling to 8 s) whose level rises with each
 *   fresh refusal and falls back to 0 only once refusals are rare (under 10% of recent answers),
 *   so random 429s slow the whole client down instead of being retried at full speed.
 * - Probe: when a pause ends, one request goes first; the others wait for its answer, so a storm
 *   that is still on costs one request per pause, and nothing arrives before an advertised time.
 * - Rate: a 429 after at least 5 successes in the last 5 s sets the rate to 90% of that success
 *   rate and remembers it as the server's limit. The rate then grows by 5% a second while far
 *   below that limit and by 0.2% a second near it, so the job settles just under the limit.
 *   Refusals answering requests that started before the last reaction are not counted again.
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const maxRate = options.maxRate;
  const minRate = Math.min(options.minRate ?? 1, maxRate ?? Number.POSITIVE_INFINITY);
  let rate: number | undefined = maxRate;
  let limit: number | undefined;
  let lastGrowth = 0;
  let lastReaction = Number.NEGATIVE_INFINITY;
  let level = 0;
  let refusedRatio = 0;
  let pausedUntil = 0;
  let nextSlot = 0;
  let probe: Promise<void> | undefined;
  let releaseProbe: (() => void) | undefined;
  let needProbe = false;
  const successes: number[] = [];

  const measuredSuccessRate = (now: number): number | undefined => {
    let count = 0;
    let oldest = now;
    for (const t of successes) {
      if (now - t <= MEASURE_MS) {
        count++;
        oldest = Math.min(oldest, t);
      }
    }
    return count < MIN_SAMPLES ? undefined : (count * 1000) / Math.max(1000, now - oldest);
  };
  const settleProbe = (permit: Permit) => {
    if (!permit.probe) return;
    const release = releaseProbe;
    probe = releaseProbe = undefined;
    release?.();
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
        if (probe !== undefined) {
          await abortable(probe, signal);
          continue;
        }
        const gap = rate === undefined ? 0 : 1000 / rate;
        const slot = Math.max(nextSlot, now);
        if (gap > 0 && slot > now) {
          await sleep(slot - now, clock, signal);
          continue;
        }
        nextSlot = now + gap;
        const isProbe = needProbe;
        if (isProbe) {
          needProbe = false;
          probe = new Promise((resolve) => {
            releaseProbe = resolve;
          });
        }
        return { startedAt: now, probe: isProbe };
      }
    },
    onThrottle(clock, permit, status, retryAfterMs, random) {
      const now = clock.now();
      refusedRatio += (1 - refusedRatio) * RATIO_WEIGHT;
      needProbe = true;
      settleProbe(permit);
      if (retryAfterMs !== undefined) pausedUntil = Math.max(pausedUntil, now + retryAfterMs);
      if (permit.startedAt < lastReaction) return;
      lastReaction = now;
      if (retryAfterMs === undefined) {
        const cap = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** level);
        level++;
        // Equal jitter: the whole client pauses, so the pause must not collapse towards zero.
        pausedUntil = Math.max(pausedUntil, now + cap / 2 + (random() * cap) / 2);
      }
      const measured = status === 429 ? measuredSuccessRate(now) : undefined;
      if (measured !== undefined) {
        limit = limit === undefined ? measured : Math.min(Math.max(limit, rate ?? 0), measured);
        rate = Math.max(
          minRate,
          Math.min(maxRate ?? Number.POSITIVE_INFINITY, measured * RATE_SHARE),
        );
        lastGrowth = now;
      }
    },
    onRefusalSeen(now, retryAfterMs) {
      needProbe = true;
      if (retryAfterMs !== undefined) pausedUntil = Math.max(pausedUntil, now + retryAfterMs);
    },
    onAnswer(clock, permit, success) {
      const now = clock.now();
      refusedRatio -= refusedRatio * RATIO_WEIGHT;
      if (refusedRatio < 0.1) level = 0;
      settleProbe(permit);
      if (!success) return;
      successes.push(now);
      if (successes.length > 2048) successes.splice(0, 1024);
      if (rate === undefined || rate === maxRate) return;
      const seconds = Math.max(0, now - lastGrowth) / 1000;
      lastGrowth = now;
      const near = limit !== undefined && rate >= 0.8 * limit;
      rate *= 1 + (near ? SLOW_GROWTH : FAST_GROWTH) * seconds;
      if (limit !== undefined && rate > 1.5 * limit) limit = undefined;
      if (maxRate !== undefined) rate = Math.min(rate, maxRate);
      else if (rate > UNLIMITED_AT) rate = undefined;
    },
    get rate() {
      return rate;
    },
    get pausedUntil() {
      return pausedUntil;
    },
  };
}

/** Waits for `promise`, or rejects with the signal's reason when it aborts first. */
function abortable(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    });
  });
}
