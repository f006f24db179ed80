import type { Clock } from "../clock.ts";
import { parseRetryAfter } from "../parse-retry-after.ts";
import type { RateLimiter } from "./rate-limiter.ts";

/**
 * A bulk request held back at the wire because a pause began after the request was granted (a
 * 429 or 503 answered another request meanwhile). Nothing was sent; the engine waits and retries
 * at no cost.
 */
export class HeldBackError extends Error {
  override name = "HeldBackError";
  readonly code = "EXTENDKIT_HELD_BACK";
  constructor(readonly until: number) {
    super("held back: the API asked every request to wait");
  }
}

/**
 * Wraps the single-attempt client's transport at the wire (invariant I5), whatever its arguments
 * (a `Request`, or a URL and init): a refusal's `Retry-After`
 * pauses the limiter as soon as its headers arrive, and the pause is checked again right before a
 * request leaves. Between `acquire` and the wire a request passes through the client's layers, and
 * a refusal travels back up through them; without this, requests granted meanwhile would go out
 * after the server had asked everyone to wait.
 */
export function gateFetch<A extends unknown[]>(
  limiter: RateLimiter,
  clock: Clock,
  send: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    const until = limiter.pausedUntil;
    if (until > clock.now()) throw new HeldBackError(until);
    const response = await send(...args);
    if (response.status === 429 || response.status === 503) {
      const now = clock.now();
      limiter.onRefusalSeen(now, parseRetryAfter(response.headers, now));
    }
    return response;
  };
}

/** True when `error`, or an error along its `cause` chain, is a `HeldBackError`. */
export function isHeldBack(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 5; depth++) {
    if (e instanceof HeldBackError) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
