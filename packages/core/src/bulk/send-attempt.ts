import { AttemptTimeoutError } from "./attempt-timeout-error.ts";
import { classifyFailure, type Failure } from "./classify-failure.ts";
import type { ItemState, JobContext } from "./job-context.ts";

export type AttemptResult =
  | { ok: true; value: unknown }
  | { ok: false; error: unknown; failure: Failure };

/**
 * Sends one request for `item`: waits for the shared rate limiter, then races the call against
 * `attemptTimeout` and the job's signal, so a stalled body can never hang a worker (the abandoned
 * call is aborted and its rejection swallowed). Tells the limiter and the budget how it went.
 * Rejects only when the job stops (abort, or a Retry-After longer than the job accepts) — the caller
 * settles the item then.
 */
export async function sendAttempt(
  ctx: JobContext,
  item: ItemState,
  call: (signal: AbortSignal) => Promise<unknown>,
): Promise<AttemptResult> {
  const startedAt = await ctx.limiter.acquire(ctx.clock, ctx.signal, ctx.maxRetryAfter);
  ctx.signal.throwIfAborted();
  if (item.attempts === 0) ctx.onStart?.(item.id);
  item.attempts++;
  ctx.requests++;
  const controller = new AbortController();
  const onJobStop = () => controller.abort(ctx.signal.reason);
  ctx.signal.addEventListener("abort", onJobStop, { once: true });
  const timer = ctx.clock.setTimeout(
    () => controller.abort(new AttemptTimeoutError(ctx.attemptTimeout)),
    ctx.attemptTimeout,
  );
  try {
    const value = await raceAbort(call(controller.signal), controller.signal);
    ctx.limiter.onSuccess(ctx.clock);
    ctx.budget.refund();
    return { ok: true, value };
  } catch (thrown) {
    if (ctx.signal.aborted) {
      item.maybeApplied = true;
      throw ctx.signal.reason;
    }
    const error = controller.signal.aborted ? controller.signal.reason : thrown;
    const failure = classifyFailure(error, ctx.clock.now());
    if (failure.kind === "throttle") {
      ctx.limiter.onThrottle(ctx.clock, startedAt, failure.retryAfterMs, ctx.random);
    } else if (failure.kind !== "transient") {
      ctx.limiter.onSuccess(ctx.clock);
    }
    item.lastError = error;
    return { ok: false, error, failure };
  } finally {
    ctx.clock.clearTimeout(timer);
    ctx.signal.removeEventListener("abort", onJobStop);
  }
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts — whichever comes first. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => {});
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
