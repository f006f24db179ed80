import { AbortError } from "./abort-error.ts";
import { backoffDelay } from "./backoff-delay.ts";
import type { CallContext } from "./call-context.ts";
import { checkSuccessBody } from "./check-success-body.ts";
import type { ClientConfig } from "./client-config.ts";
import { ConnectionError } from "./connection-error.ts";
import { errorBodyRetryable } from "./error-body-retryable.ts";
import { CANCEL_REFUSALS } from "./not-cancellable-error.ts";
import { parseRetryAfter } from "./parse-retry-after.ts";
import type { PreparedRequest } from "./prepare-request.ts";
import { reconcileCancel } from "./reconcile-cancel.ts";
import { NO_RETRY_REFUND, RETRY_COST, TIMEOUT_RETRY_COST } from "./retry-budget.ts";
import { isRetryable } from "./retry-policy.ts";
import { type BufferedResponse, sendAttempt } from "./send-attempt.ts";
import { sleep } from "./sleep.ts";
import { TimeoutError } from "./timeout-error.ts";

/**
 * The retry layer beneath openapi-fetch: sends `prepared` until it gets a final answer, following
 * reliability §1.3 (`isRetryable`). Resolves to the last response (a non-2xx one when the policy,
 * `maxRetries` or `totalTimeout` says stop); throws the last transport error likewise.
 *
 * - Between attempts (`pass`): attempts left (`maxRetries`), time left (`totalTimeout`: a wait that
 *   would end past the deadline is not started), then the client's `RetryBudget` (an empty budget
 *   means no retry), then an abortable sleep; the caller's abort becomes `AbortError`, never a
 *   retry. A retry is logged at info, a refusal at warn, each with its reason.
 * - Waits: `Retry-After`/`retry-after-ms` when sent (over `maxRetryAfter`: stop at once), else
 *   full-jitter backoff.
 * - Budget: a retry costs `RETRY_COST` (`TIMEOUT_RETRY_COST` after a timeout); a success earns back
 *   what the last retry cost, or `NO_RETRY_REFUND` when none was needed.
 * - DELETE: a 404 after an earlier attempt sets `ctx.confirmedAbsent` (the run is gone; an earlier
 *   attempt probably deleted it) and is returned for the caller to report as such.
 * - Cancel with an unknown outcome: reconciled by reading the run (`reconcileCancel`).
 * - A retried attempt whose outcome was unknown sets `ctx.outcomeUnknown`: the call's final failure,
 *   whatever it is, then has `outcomeUnknown` (a 429 after a lost DELETE answer does not mean the
 *   run is still there).
 */
export async function sendWithRetries(
  prepared: PreparedRequest,
  ctx: CallContext,
  config: ClientConfig,
): Promise<BufferedResponse> {
  const { clock, log } = config;
  const { method, path } = prepared;
  const call = `${method} ${path}`;
  const debug = log.enabled("debug");
  const hasKey = "idempotency-key" in prepared.headers;
  const aborted = () =>
    new AbortError({
      method,
      path,
      attempts: ctx.attempts,
      cause: config.redactor.error(ctx.signal?.reason),
    });
  let lastCost = NO_RETRY_REFUND;
  /**
   * Sleeps `wait` ms (default: full-jitter backoff for this retry) and resolves true, or resolves
   * false when no retry is allowed; rejects with `AbortError`. The budget is only charged `cost`
   * when attempts and time allow the retry.
   */
  const pass = async (
    why: string,
    wait = backoffDelay(ctx.attempts - 1, config.random),
    cost = RETRY_COST,
  ): Promise<boolean> => {
    const delayMs = Math.round(wait);
    const refusal =
      ctx.attempts > ctx.maxRetries
        ? "no retries left (maxRetries)"
        : clock.now() + wait >= ctx.deadline
          ? `waiting ${delayMs} ms would pass totalTimeout`
          : config.budget.take(cost)
            ? undefined
            : "the client's retry budget is spent";
    log(
      refusal === undefined ? "info" : "warn",
      refusal === undefined
        ? `retrying ${call} in ${delayMs} ms: ${why}`
        : `giving up on ${call} after ${ctx.attempts} attempt(s): ${why}; ${refusal}`,
      { method, path, attempt: ctx.attempts, delayMs },
    );
    if (refusal !== undefined) return false;
    lastCost = cost;
    await sleep(wait, clock, ctx.signal).catch(() => {
      throw aborted();
    });
    return true;
  };

  for (;;) {
    if (ctx.signal?.aborted) throw aborted();
    const attempt = ++ctx.attempts;
    if (debug) log("debug", `${call} attempt ${attempt}`, { method, path, attempt });
    let response: BufferedResponse;
    try {
      response = await sendAttempt(prepared, ctx, config);
      if (response.status < 300) response.json = checkSuccessBody(response, prepared, ctx, config);
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error;
      if (ctx.kind === "cancel" && error.outcomeUnknown) {
        const settled = await reconcileCancel(prepared, ctx, config, error, sendWithRetries);
        if (settled !== "retry") return settled;
        if (await pass("run still active after an unconfirmed cancel")) continue;
        throw error;
      }
      const failure = { type: "connection", outcomeUnknown: error.outcomeUnknown } as const;
      const cost = error instanceof TimeoutError ? TIMEOUT_RETRY_COST : RETRY_COST;
      if (isRetryable(ctx.kind, failure, hasKey) && (await pass(error.message, undefined, cost))) {
        ctx.outcomeUnknown ||= error.outcomeUnknown;
        continue;
      }
      // An earlier attempt that may have landed makes this failure's outcome unknown too.
      if (ctx.outcomeUnknown) (error as { outcomeUnknown: boolean }).outcomeUnknown = true;
      throw error;
    }
    const { status } = response;
    if (debug) log("debug", `${call} answered ${status}`, { method, path, status, attempt });
    if (status < 300) {
      config.budget.refund(lastCost);
      return response;
    }
    if (ctx.kind === "delete" && status === 404 && attempt > 1) {
      ctx.confirmedAbsent = true;
      log("info", `${call}: 404 after a retry: already deleted`, { path });
      return response;
    }
    // A refusal of a repeated cancel may mean "an earlier attempt already landed".
    if (ctx.kind === "cancel" && attempt > 1 && CANCEL_REFUSALS.has(status)) {
      const settled = await reconcileCancel(prepared, ctx, config, response, sendWithRetries);
      if (settled !== "retry") return settled;
      if (await pass("run still active after a refused cancel")) continue;
      return response;
    }
    const failure = {
      type: "status",
      status,
      bodyRetryable: errorBodyRetryable(response.text),
    } as const;
    if (!isRetryable(ctx.kind, failure, hasKey)) return response;
    const advised = parseRetryAfter(response.headers, clock.now());
    if (advised !== undefined && advised > config.maxRetryAfter) {
      log(
        "warn",
        `giving up on ${call} after ${attempt} attempt(s): status ${status}; Retry-After ${advised} ms is over maxRetryAfter`,
        { method, path, status, retryAfterMs: advised },
      );
      return response;
    }
    if (await pass(`status ${status}`, advised)) continue;
    return response;
  }
}
