import { AbortError } from "./abort-error.ts";
import { backoffDelay } from "./backoff-delay.ts";
import type { CallContext } from "./call-context.ts";
import type { ClientConfig } from "./client-config.ts";
import type { PreparedRequest } from "./prepare-request.ts";
import { NO_RETRY_REFUND, RETRY_COST } from "./retry-budget.ts";
import { sleep } from "./sleep.ts";

/**
 * The checks between one attempt and the next, for one call: attempts left (`maxRetries`), time
 * left (`totalTimeout`), the client's retry budget, then an abortable sleep. A retry is logged at
 * info, a refusal at warn, each with its reason.
 */
export function createRetryGate(prepared: PreparedRequest, ctx: CallContext, config: ClientConfig) {
  const { clock, log } = config;
  const { method, path } = prepared;
  let lastCost = 0;
  const aborted = () =>
    new AbortError({
      method,
      path,
      attempts: ctx.attempts,
      cause: config.redactor.error(ctx.signal?.reason),
    });
  return {
    /** The `AbortError` for the caller's signal. */
    aborted,
    /**
     * Sleeps `wait` ms (default: full-jitter backoff for this retry) and resolves true, or resolves
     * false when no retry is allowed; rejects with `AbortError`. The budget is only charged `cost`
     * when attempts and time allow the retry.
     */
    async pass(
      why: string,
      wait = backoffDelay(ctx.attempts - 1, config.random),
      cost = RETRY_COST,
    ): Promise<boolean> {
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
          ? `retrying ${method} ${path} in ${delayMs} ms: ${why}`
          : `giving up on ${method} ${path} after ${ctx.attempts} attempt(s): ${why}; ${refusal}`,
        { method, path, attempt: ctx.attempts, delayMs },
      );
      if (refusal !== undefined) return false;
      lastCost = cost;
      await sleep(wait, clock, ctx.signal).catch(() => {
        throw aborted();
      });
      return true;
    },
    /** A success earns back what the last retry cost, or a little when none was needed. */
    succeeded: () => config.budget.refund(lastCost || NO_RETRY_REFUND),
  };
}
