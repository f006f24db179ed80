import { parseRetryAfter } from "@extendkit/core";

/** What the client did, seen from its side of the wire. */
export interface ClientView {
  /** The fetch to give the client: it forwards to `inner` and records. */
  fetch(request: Request): Promise<Response>;
  /** Requests sent. */
  readonly sent: number;
  /**
   * Requests sent later than a Retry-After reached the client and before the time it named
   * (invariant I5 as a client can keep it).
   */
  readonly retryAfterViolations: number;
  /**
   * Requests sent at the very instant (virtual time) a Retry-After arrived, already on their way
   * through the client's layers: concurrent with the refusal, at most K − 1 per refusal.
   */
  readonly sameInstant: number;
  /** Refusals (429, 503) that carried a usable Retry-After. */
  readonly advisedRefusals: number;
}

/** Wraps `inner` (the emulator's fetch) to record the client's view; `now` is the shared clock. */
export function watchClient(
  inner: (request: Request) => Promise<Response>,
  now: () => number,
): ClientView {
  let sent = 0;
  let notBefore = 0;
  let receivedAt = Number.NEGATIVE_INFINITY;
  let violations = 0;
  let sameInstant = 0;
  let advised = 0;
  return {
    async fetch(request) {
      sent++;
      const t = now();
      if (t < notBefore) {
        if (t > receivedAt) violations++;
        else sameInstant++;
      }
      const response = await inner(request);
      const wait = parseRetryAfter(response.headers, now());
      if (wait !== undefined && (response.status === 429 || response.status === 503)) {
        advised++;
        receivedAt = now();
        notBefore = Math.max(notBefore, receivedAt + wait);
      }
      return response;
    },
    get sent() {
      return sent;
    },
    get retryAfterViolations() {
      return violations;
    },
    get sameInstant() {
      return sameInstant;
    },
    get advisedRefusals() {
      return advised;
    },
  };
}
