import type { CallContext } from "./call-context.ts";
import { checkSuccessBody } from "./check-success-body.ts";
import type { ClientConfig } from "./client-config.ts";
import { ConnectionError } from "./connection-error.ts";
import { createRetryGate } from "./create-retry-gate.ts";
import { errorBodyRetryable } from "./error-body-retryable.ts";
import { CANCEL_REFUSALS } from "./not-cancellable-error.ts";
import { parseRetryAfter } from "./parse-retry-after.ts";
import type { PreparedRequest } from "./prepare-request.ts";
import { reconcileCancel } from "./reconcile-cancel.ts";
import { NO_RETRY_REFUND, RETRY_COST, TIMEOUT_RETRY_COST } from "./retry-budget.ts";
import { isRetryable } from "./retry-policy.ts";
import { type BufferedResponse, sendAttempt } from "./send-attempt.ts";
import { TimeoutError } from "./timeout-error.ts";

/**
 * The retry layer beneath openapi-fetch: sends `prepared` until it gets a final answer, following
 * reliability §1.3 (`isRetryable`). Resolves to the last response (a non-2xx one when the policy,
 * `maxRetries` or `totalTimeout` says stop); throws the last transport error likewise.
 *
 * - Every retry spends from the client's `RetryBudget`; an empty budget means no retry.
 * - Waits: `Retry-After`/`retry-after-ms` when sent (over `maxRetryAfter`: stop at once), else
 *   full-jitter backoff. A wait that would end past the deadline is not started. Every wait is
 *   abortable and the caller's abort becomes `AbortError`, never a retry.
 * - DELETE: a 404 after an earlier attempt sets `ctx.confirmedAbsent` (the run is gone; an earlier
 *   attempt probably deleted it) and is returned for the caller to report as such.
 * - Cancel with an unknown outcome: reconciled by reading the run (`reconcileCancel`).
 */
export async function sendWithRetries(
  prepared: PreparedRequest,
  ctx: CallContext,
  config: ClientConfig,
): Promise<BufferedResponse> {
  const { clock, log } = config;
  const { method, path } = prepared;
  const hasKey = "idempotency-key" in prepared.headers;
  // Made on the first failure only: most calls succeed at once and never need one.
  let made: ReturnType<typeof createRetryGate> | undefined;
  const gate = () => {
    made ??= createRetryGate(prepared, ctx, config);
    return made;
  };

  for (;;) {
    if (ctx.signal?.aborted) throw gate().aborted();
    ctx.attempts++;
    if (log.enabled("debug")) {
      log("debug", `${method} ${path} attempt ${ctx.attempts}`, {
        method,
        path,
        attempt: ctx.attempts,
      });
    }
    let response: BufferedResponse;
    try {
      response = await sendAttempt(prepared, ctx, config);
      if (response.status < 300) {
        response = { ...response, json: checkSuccessBody(response, prepared, ctx, config) };
      }
    } catch (error) {
      if (!(error instanceof ConnectionError)) throw error;
      if (ctx.kind === "cancel" && error.outcomeUnknown) {
        const settled = await reconcileCancel(prepared, ctx, config, error, sendWithRetries);
        if (settled !== "retry") return settled;
        if (await gate().pass("run still active after an unconfirmed cancel")) continue;
        throw error;
      }
      const failure = { type: "connection", outcomeUnknown: error.outcomeUnknown } as const;
      const cost = error instanceof TimeoutError ? TIMEOUT_RETRY_COST : RETRY_COST;
      if (
        isRetryable(ctx.kind, failure, hasKey) &&
        (await gate().pass(error.message, undefined, cost))
      ) {
        continue;
      }
      throw error;
    }
    const { status } = response;
    if (log.enabled("debug")) {
      log("debug", `${method} ${path} answered ${status}`, {
        method,
        path,
        status,
        attempt: ctx.attempts,
      });
    }
    if (status < 300) {
      if (made === undefined) config.budget.refund(NO_RETRY_REFUND);
      else made.succeeded();
      return response;
    }
    if (ctx.kind === "delete" && status === 404 && ctx.attempts > 1) {
      ctx.confirmedAbsent = true;
      log("info", `${method} ${path}: 404 after a retry: already deleted`, {
        path,
      });
      return response;
    }
    // A refusal of a repeated cancel may mean "an earlier attempt already landed".
    if (ctx.kind === "cancel" && ctx.attempts > 1 && CANCEL_REFUSALS.has(status)) {
      const settled = await reconcileCancel(prepared, ctx, config, response, sendWithRetries);
      if (settled !== "retry") return settled;
      if (await gate().pass("run still active after a refused cancel")) continue;
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
        `giving up on ${method} ${path} after ${ctx.attempts} attempt(s): status ${status}; Retry-After ${advised} ms is over maxRetryAfter`,
        { method, path, status, retryAfterMs: advised },
      );
      return response;
    }
    if (await gate().pass(`status ${status}`, advised)) continue;
    return response;
  }
}
