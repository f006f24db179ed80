import type { EmulatorState } from "./emulator-state.ts";
import type { RateDecision } from "./rate-limiter.ts";

/** Headers of a rate-limited route (`rateLimitHeaders` switch) and, on a 429, `Retry-After`. */
export function rateLimitHeaders(
  state: EmulatorState,
  decision: RateDecision,
  client: string,
  now: number,
  headers: Headers,
): void {
  const { switches } = state;
  if (switches.rateLimitHeaders && decision.limit !== null && decision.resetAt !== null) {
    headers.set("x-ratelimit-limit", String(decision.limit));
    headers.set("x-ratelimit-remaining", String(decision.remaining));
    headers.set("x-ratelimit-reset", String(Math.ceil(decision.resetAt / 1000)));
  }
  if (decision.ok || switches.retryAfter === "none") return;
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  headers.set(
    "retry-after",
    switches.retryAfter === "seconds"
      ? String(seconds)
      : new Date(now + seconds * 1000).toUTCString(),
  );
  state.notBefore.set(client, now + seconds * 1000);
}
