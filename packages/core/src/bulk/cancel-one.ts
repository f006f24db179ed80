import { assertPathParam } from "../assert-path-param.ts";
import { backoffDelay } from "../backoff-delay.ts";
import { cancelStatusOf } from "../cancel-status-of.ts";
import { sleep } from "../sleep.ts";
import { BulkIntegrityError } from "./bulk-integrity-error.ts";
import type { CancelOutcome } from "./bulk-report.ts";
import { callRoute } from "./call-route.ts";
import type { ItemState, JobContext } from "./job-context.ts";
import { prepareRetry } from "./prepare-retry.ts";
import { type RunRoute, routeRun } from "./route-run.ts";
import { sendAttempt } from "./send-attempt.ts";
import { failed, type Settled } from "./settled.ts";

// Statuses from which a run may still become CANCELLED (REFERENCE §4).
const IN_FLIGHT = new Set(["PENDING", "PROCESSING", "CANCELLING"]);

/**
 * Cancels one run as reliability §1.3 says: a cancel whose outcome is unknown, or that the API
 * refuses, is reconciled by reading the run — never replayed blindly. The run counts as `cancelled`
 * only once it reads `CANCELLED` (or `FAILED` with `failureReason: "ABORTED"`, `cancelStatusOf`)
 * after our cancel may have taken effect; `CANCELLING` is polled;
 * a run that finished first (or was cancelled by someone else) is `alreadyTerminal` with its status.
 */
export async function cancelOne(ctx: JobContext, item: ItemState): Promise<Settled<CancelOutcome>> {
  let cancel: RunRoute;
  let read: RunRoute;
  try {
    assertPathParam("id", item.id);
    cancel = routeRun(item.id, "cancel");
    read = routeRun(item.id, "retrieve");
  } catch (error) {
    return failed(error, false);
  }
  let reading = false;
  let accepted = false; // the API answered one of our cancels with a 2xx
  let refusal: unknown; // the API refused our latest cancel (a definite "not cancellable")
  for (;;) {
    const route = reading ? read : cancel;
    const result = await sendAttempt(ctx, item, (signal) =>
      callRoute(ctx.client, route, item.id, signal),
    );
    if (result.ok) {
      const run = runOf(result.value);
      if (run?.id !== item.id) {
        return failed(new BulkIntegrityError(item.id, "the answer names another run"), false);
      }
      const status = String(run.status);
      if (!reading) accepted = item.maybeApplied = true;
      if (cancelStatusOf(run) === "CANCELLED") {
        return item.maybeApplied
          ? { outcome: "cancelled" }
          : { outcome: "alreadyTerminal", status };
      }
      if (!IN_FLIGHT.has(status)) return { outcome: "alreadyTerminal", status };
      if (status !== "CANCELLING" && !accepted && refusal !== undefined) {
        return failed(refusal, false); // refused while still running: not cancellable now
      }
      if (item.attempts >= ctx.maxAttempts) {
        const stuck = new BulkIntegrityError(
          item.id,
          `still ${status} after ${item.attempts} requests`,
        );
        return failed(stuck, true);
      }
      if (status === "CANCELLING" || accepted) {
        // Our cancel is under way: read again after a backoff.
        reading = true;
        await sleep(backoffDelay(item.retries++, ctx.random), ctx.clock, item.signal);
      } else {
        // An earlier cancel had an unknown outcome and did not take effect: send it again.
        if (!ctx.budget.tryTake("retry")) return failed(item.lastError, true);
        reading = false;
        refusal = undefined;
      }
      continue;
    }
    const { failure, error } = result;
    switch (failure.kind) {
      case "notFound":
        return { outcome: "notFound" };
      case "unauthorized":
        ctx.stop({ reason: "unauthorized", error });
        return failed(error, false);
      case "permanent":
        return failed(error, false);
      case "refused":
        if (reading) return failed(error, false);
        refusal = error;
        reading = true; // reconcile: read the run to see why
        if (item.attempts >= ctx.maxAttempts) return failed(error, true);
        continue;
      case "transient":
        if (failure.maybeApplied && !reading) {
          item.maybeApplied = true;
          reading = true; // reconcile before any replay
        }
        break;
      case "throttle":
        break;
    }
    if (!(await prepareRetry(ctx, item, failure))) return failed(error, true);
  }
}

/** The run object of a cancel or retrieve answer (legacy answers wrap it in `processorRun`). */
function runOf(body: unknown): { id?: unknown; status?: unknown } | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  const inner = fields.processorRun;
  return typeof inner === "object" && inner !== null ? (inner as Record<string, unknown>) : fields;
}
