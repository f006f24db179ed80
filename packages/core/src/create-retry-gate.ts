import { AbortError } from "./abort-error.ts";
import { backoffDelay } from "./backoff-delay.ts";
import type { CallContext } from "./call-context.ts";
import type { ClientConfig } from "./client-config.ts";
import type { PreparedRequest } from "./prepare-request.ts";
import { NO_RETRY_REFUND, RETRY_COST } from "./retry-budget.ts";
import { sleep } from "./sleep.ts";

/**
 * The checks between one attempt and the next, for one call: attempts left (`maxRetries`), time
 * left (`totalTimeout`), the client's retry budget, then an abortable sleep. Each refusal is
 * logged with its reason.
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
  const refuse = (message: string, fields: Record<string, unknown>) => {
    log("warn", message, fields);
    return false;
  };
  return {
    /** The `AbortError` for the caller's signal. */
    aborted,
    /** Full-jitter backoff for the retry about to be made. */
    backoff: () => backoffDelay(ctx.attempts - 1, config.random),
    /** Sleeps `wait` ms and resolves true, or resolves false when no retry is allowed; rejects with `AbortError`. */
    async pass(wait: number, why: string, cost = RETRY_COST): Promise<boolean> {
      const delayMs = Math.round(wait);
      const fields = { method, path, attempt: ctx.attempts, delayMs };
      if (ctx.attempts > ctx.maxRetries) {
        return refuse(
          `giving up on ${method} ${path} after ${ctx.attempts} attempt(s): ${why}`,
          fields,
        );
      }
      if (clock.now() + wait >= ctx.deadline) {
        return refuse(
          `giving up on ${method} ${path}: waiting ${delayMs} ms would pass totalTimeout (${why})`,
          fields,
        );
      }
      if (!config.budget.take(cost)) {
        return refuse(
          `not retrying ${method} ${path}: the client's retry budget is spent (${why})`,
          fields,
        );
      }
      lastCost = cost;
      log("info", `retrying ${method} ${path} in ${delayMs} ms: ${why}`, fields);
      await sleep(wait, clock, ctx.signal).catch(() => {
        throw aborted();
      });
      return true;
    },
    /** A success earns back what the last retry cost, or a little when none was needed. */
    succeeded: () => config.budget.refund(lastCost || NO_RETRY_REFUND),
  };
}
