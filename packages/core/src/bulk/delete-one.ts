import { assertPathParam } from "../assert-path-param.ts";
import { BulkIntegrityError } from "./bulk-integrity-error.ts";
import type { DeleteOutcome } from "./bulk-report.ts";
import { callRoute } from "./call-route.ts";
import type { ItemState, JobContext } from "./job-context.ts";
import { prepareRetry } from "./prepare-retry.ts";
import { type RunRoute, routeRun } from "./route-run.ts";
import { sendAttempt } from "./send-attempt.ts";
import { failed, type Settled } from "./settled.ts";

/**
 * Deletes one run, retrying as reliability §1.3 says for an idempotent DELETE: a 2xx naming the run
 * is `deleted`; a 404 is `alreadyAbsent` when an earlier attempt may have deleted it, else
 * `notFound`; throttles and transient failures are retried while attempts and budget last; a 2xx
 * that names another run, a non-retryable error or a bad ID is `failed`, never done.
 */
export async function deleteOne(ctx: JobContext, item: ItemState): Promise<Settled<DeleteOutcome>> {
  let route: RunRoute;
  try {
    assertPathParam("id", item.id);
    route = routeRun(item.id, "delete");
  } catch (error) {
    return failed(error, false);
  }
  const call = (signal: AbortSignal) => callRoute(ctx.client, route, item.id, signal);
  for (;;) {
    const result = await sendAttempt(ctx, item, call);
    if (result.ok) {
      const mismatch = checkDeleted(result.value, item.id);
      return mismatch === undefined
        ? { outcome: "deleted" }
        : failed(new BulkIntegrityError(item.id, mismatch), false);
    }
    const { failure, error } = result;
    switch (failure.kind) {
      case "notFound":
        return { outcome: item.maybeApplied ? "alreadyAbsent" : "notFound" };
      case "unauthorized":
        ctx.stop({ reason: "unauthorized", error });
        return failed(error, false);
      case "refused":
      case "permanent":
        return failed(error, false);
      case "transient":
        if (failure.maybeApplied) item.maybeApplied = true;
        break;
      case "throttle":
        break;
    }
    if (!(await prepareRetry(ctx, item, failure))) return failed(error, true);
  }
}

/** Why a 2xx delete body does not confirm deleting `id`, or undefined when it does. */
function checkDeleted(body: unknown, id: string): string | undefined {
  if (body === undefined || body === null) return undefined; // 204 or an empty 200 (catalogue B7)
  if (typeof body !== "object" || Array.isArray(body)) return "the body is not a JSON object";
  const fields = body as Record<string, unknown>;
  if ("id" in fields) {
    return fields.id === id
      ? undefined
      : `it names ${JSON.stringify(String(fields.id).slice(0, 60))}`;
  }
  if ("documentProcessorRunId" in fields) {
    if (fields.success === false) return "it says success: false";
    return fields.documentProcessorRunId === id
      ? undefined
      : `it names ${JSON.stringify(String(fields.documentProcessorRunId).slice(0, 60))}`;
  }
  return Object.keys(fields).length === 0 ? undefined : "the body has no run id";
}
