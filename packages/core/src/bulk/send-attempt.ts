import { classifyFailure, type Failure } from "./classify-failure.ts";
import type { ItemState, JobContext } from "./job-context.ts";

export type AttemptResult =
  | { ok: true; value: unknown }
  | { ok: false; error: unknown; failure: Failure };

/**
 * Sends one request for `item`: waits for the shared rate limiter, then calls with the job's
 * signal (the client's own per-attempt `timeout` bounds a stalled answer, headers and body), and
 * tells the limiter and the budget how it went. A request held back at the wire by a pause that
 * began meanwhile was never sent: it waits again, uncounted. Rejects only when the job stops
 * (abort, or a Retry-After longer than the job accepts) — the caller settles the item then.
 */
export async function sendAttempt(
  ctx: JobContext,
  item: ItemState,
  call: (signal: AbortSignal) => Promise<unknown>,
): Promise<AttemptResult> {
  for (;;) {
    const permit = await ctx.limiter.acquire(ctx.clock, item.signal, ctx.maxRetryAfter);
    if (ctx.signal.aborted) {
      ctx.limiter.onAnswer(ctx.clock, permit, false);
      throw ctx.signal.reason;
    }
    if (item.attempts === 0) {
      try {
        ctx.onStart?.(item.id);
      } catch (error) {
        // Every permit is settled, or the limiter would count it in flight for ever.
        ctx.limiter.onAnswer(ctx.clock, permit, false);
        throw error;
      }
    }
    try {
      const value = await call(item.signal);
      item.attempts++;
      ctx.requests++;
      ctx.limiter.onAnswer(ctx.clock, permit, true);
      ctx.budget.refund();
      return { ok: true, value };
    } catch (error) {
      const failure = classifyFailure(error, ctx.clock.now());
      if (failure.kind === "heldBack") {
        ctx.limiter.onAnswer(ctx.clock, permit, false);
        continue;
      }
      item.attempts++;
      ctx.requests++;
      if (ctx.signal.aborted) {
        ctx.limiter.onAnswer(ctx.clock, permit, false);
        item.maybeApplied = true;
        throw ctx.signal.reason;
      }
      if (failure.kind === "throttle") {
        ctx.limiter.onThrottle(ctx.clock, permit, failure.status, failure.retryAfterMs, ctx.random);
      } else {
        // A definite answer (404, 4xx) shows the server taking requests; a failure does not.
        ctx.limiter.onAnswer(ctx.clock, permit, failure.kind !== "transient");
      }
      item.lastError = error;
      return { ok: false, error, failure };
    }
  }
}
