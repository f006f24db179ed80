import { backoffDelay } from "../backoff-delay.ts";
import { sleep } from "../sleep.ts";
import type { Failure } from "./classify-failure.ts";
import type { ItemState, JobContext } from "./job-context.ts";

/**
 * Whether `item` may be tried again after `failure`, and waits its turn if so: pays the retry from
 * the shared budget (a throttle costs least, a timeout most), then sleeps a full-jitter backoff
 * after a transient failure. A throttle's wait happens in the rate limiter, shared by all workers.
 * False when the item is out of attempts or the budget cannot pay: give up, retryable.
 */
export async function prepareRetry(
  ctx: JobContext,
  item: ItemState,
  failure: Failure,
): Promise<boolean> {
  if (item.attempts >= ctx.maxAttempts) return false;
  const kind =
    failure.kind === "throttle"
      ? "throttle"
      : failure.kind === "transient" && failure.timeout
        ? "timeout"
        : "retry";
  if (!ctx.budget.tryTake(kind)) return false;
  if (failure.kind !== "throttle") {
    await sleep(backoffDelay(item.retries, ctx.random), ctx.clock, item.signal);
    item.retries++;
  }
  return true;
}
