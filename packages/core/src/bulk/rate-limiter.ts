import type { Clock } from "../clock.ts";
import { sleep } from "../sleep.ts";
import { createSuccessLog } from "./success-log.ts";

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
   * when a pause ends, within the slow-start window, and within the adaptive rate once the server
   * has rate-limited. Rejects with
   * `RateLimitStop` instead of waiting when a pause ends more than `maxWaitMs` from now, and with
   * the signal's reason on abort. Every permit must be settled with `onAnswer` or `onThrottle`.
   */
  acquire(clock: Clock, signal: AbortSignal, maxWaitMs: number): Promise<Permit>;
  /**
   * The request was turned away: `status` 429 (rate limited) or 503 (unavailable). All requests
   * wait `retryAfterMs` when given, else a shared backoff that grows while refusals keep coming.
   * A 429 also sets the rate just under the limit the server was enforcing (learned when the pause ends).
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
const RATE_SHARE = 0.95; // of the learned limit: a 5% margin for requests that bunch up in transit
const LEARN_SPAN_MS = 1_000; // successes started in the second before a refused request
const MEASURE_MS = 5_000; // for limits under MIN_SAMPLES a second
const MIN_SAMPLES = 5; // fewer successes than this: too few to remember as the limit
const KEEP_SHARE = 0.9; // a single 429 lowers the learned limit by at most 10%
const NEAR = 0.9; // of the learned limit: from here on the rate grows slowly
const FAST_GROWTH = 0.05; // per second, far below the learned limit
const SLOW_GROWTH = 0.001; // per second, near it: probing past a limit costs a whole pause
const UNLIMITED_AT = 1_000;
const RATIO_WEIGHT = 0.05; // of each answer, in the moving ratio of refusals
const FIRST_WINDOW = 4; // requests in flight before the first answer (slow start)
const DOUBLING_MS = 100; // the window at most doubles this often, however fast answers come back
const OPEN_WINDOW = 64; // slow start ends here, or at the first refusal

/**
 * Creates the limiter that every bulk job of a client shares (catalogue CC2, CC4, CC8).
 *
 * - Slow start: at most 4 requests are in flight at first; each success lets one more in, but the
 *   window at most doubles every 100 ms, until 64 or the first refusal. A client that does not
 *   know the limit yet then meets it with a few requests in flight, not `concurrency` of them all
 *   turned away together (and arriving after the server's Retry-After was sent).
 * - Pauses: a `Retry-After` pauses every job until then. A refusal without one pauses every job
 *   for an exponential backoff (equal jitter, 0.5 s doubling to 8 s) whose level rises with each
 *   fresh refusal and falls back to 0 only once refusals are rare (under 10% of recent answers),
 *   so random 429s slow the whole client down instead of being retried at full speed.
 * - Probe: when a pause ends, one request goes first; the others wait for its answer, so a storm
 *   that is still on costs one request per pause, and nothing arrives before an advertised time.
 * - Rate: a 429 teaches the server's limit: the successes of requests started in the second
 *   before the refused one (counted when the pause ends, so answers still in flight are in), or,
 *   for limits under 5 a second, the success rate of the last 5 s; never more than the rate that
 *   was refused, and at most 10% under the limit learned before. The rate is then 95% of that
 *   limit: a server with fixed windows, which lets the limit through in every window, refuses it
 *   only when answers bunch up by more than the 5% margin. While far below the limit the rate grows by 5% a second; near it, by 0.1% a
 *   second, since probing past a limit costs a whole pause. A 429 answering a request that started
 *   before the last reaction (in flight before the pause) teaches nothing and lowers nothing.
 *   Refusals with no success around them (a storm, an outage) only pause; with fewer than 5, the
 *   rate is set from them but not remembered as a limit, so it grows back at 5% a second.
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
  let window = FIRST_WINDOW;
  let firstGrant: number | undefined;
  let inFlight = 0;
  let slotFreed: Promise<void> | undefined;
  let freeSlot: (() => void) | undefined;
  // A 429 whose lesson is drawn when its pause ends: when the refused request started, the rate
  // it was refused at, and when the limiter reacted.
  let lesson: { startedAt: number; refusedRate: number | undefined; at: number } | undefined;
  const successes = createSuccessLog();

  const learn = (now: number) => {
    if (lesson === undefined) return;
    const { startedAt, refusedRate, at } = lesson;
    lesson = undefined;
    const burst = successes.startedBetween(startedAt - LEARN_SPAN_MS, at);
    const recent = successes.answeredRate(at, MEASURE_MS);
    if (burst === 0 && recent.count === 0) return; // a storm or an outage: the pause is all
    let learned = Math.max((burst * 1000) / LEARN_SPAN_MS, recent.perSecond);
    if (refusedRate !== undefined) learned = Math.min(learned, refusedRate);
    if (limit !== undefined) learned = Math.max(learned, limit * KEEP_SHARE);
    // Too few successes to tell a low limit from a storm: pace at them, but grow back fast.
    if (burst >= MIN_SAMPLES || recent.count >= MIN_SAMPLES) limit = learned;
    rate = Math.max(minRate, Math.min(maxRate ?? Number.POSITIVE_INFINITY, learned * RATE_SHARE));
    lastGrowth = now;
  };
  const settle = (permit: Permit) => {
    inFlight = Math.max(0, inFlight - 1);
    const release = freeSlot;
    slotFreed = freeSlot = undefined;
    release?.();
    if (!permit.probe) return;
    const releaseFirst = releaseProbe;
    probe = releaseProbe = undefined;
    releaseFirst?.();
  };
  const refused = (now: number, retryAfterMs: number | undefined) => {
    needProbe = true;
    window = Number.POSITIVE_INFINITY;
    if (retryAfterMs !== undefined) pausedUntil = Math.max(pausedUntil, now + retryAfterMs);
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
        if (inFlight >= window) {
          slotFreed ??= new Promise((resolve) => {
            freeSlot = resolve;
          });
          await abortable(slotFreed, signal);
          continue;
        }
        learn(now);
        const gap = rate === undefined ? 0 : 1000 / rate;
        const slot = Math.max(nextSlot, now);
        if (gap > 0 && slot > now) {
          await sleep(slot - now, clock, signal);
          continue;
        }
        nextSlot = now + gap;
        firstGrant ??= now;
        inFlight++;
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
      refused(now, retryAfterMs);
      settle(permit);
      if (permit.startedAt < lastReaction) return;
      lastReaction = now;
      if (retryAfterMs === undefined) {
        const cap = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** level);
        level++;
        // Equal jitter: the whole client pauses, so the pause must not collapse towards zero.
        pausedUntil = Math.max(pausedUntil, now + cap / 2 + (random() * cap) / 2);
      }
      if (status === 429) lesson = { startedAt: permit.startedAt, refusedRate: rate, at: now };
    },
    onRefusalSeen(now, retryAfterMs) {
      refused(now, retryAfterMs);
    },
    onAnswer(clock, permit, success) {
      const now = clock.now();
      refusedRatio -= refusedRatio * RATIO_WEIGHT;
      if (refusedRatio < 0.1) level = 0;
      settle(permit);
      if (!success) return;
      successes.add(permit.startedAt, now);
      if (window < OPEN_WINDOW) {
        const cap = FIRST_WINDOW * 2 ** ((now - (firstGrant ?? now)) / DOUBLING_MS);
        window = Math.max(window, Math.min(window + 1, Math.floor(cap)));
      } else window = Number.POSITIVE_INFINITY;
      if (rate === undefined || rate === maxRate) return;
      const seconds = Math.max(0, now - lastGrowth) / 1000;
      lastGrowth = now;
      const near = limit !== undefined && rate >= NEAR * limit;
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
