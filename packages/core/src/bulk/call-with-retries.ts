import type { ItemState, JobContext } from "./job-context.ts";
import { prepareRetry } from "./prepare-retry.ts";
import { sendAttempt } from "./send-attempt.ts";

/** Marks a 404 answer to a read. */
export const NOT_FOUND: unique symbol = Symbol("not found");

/**
 * A read (list page, retrieve) with the bulk job's limiter, budget and retry rules: resolves to
 * the body, or `NOT_FOUND` on a 404; throws the last error when it cannot be retried, or when the
 * job stops. `label` names the read in the job's bookkeeping.
 */
export async function callWithRetries(
  ctx: JobContext,
  label: string,
  call: (signal: AbortSignal) => Promise<unknown>,
): Promise<unknown> {
  const item: ItemState = {
    id: label,
    signal: ctx.signal,
    attempts: 0,
    retries: 0,
    maybeApplied: false,
    lastError: undefined,
  };
  for (;;) {
    const result = await sendAttempt(ctx, item, call);
    if (result.ok) return result.value;
    const { failure, error } = result;
    if (failure.kind === "notFound") return NOT_FOUND;
    if (failure.kind === "unauthorized") ctx.stop({ reason: "unauthorized", error });
    if (failure.kind !== "throttle" && failure.kind !== "transient") throw error;
    if (!(await prepareRetry(ctx, item, failure))) throw error;
  }
}
