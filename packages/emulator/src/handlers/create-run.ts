import { ApiFailure } from "../api-failure.ts";
import { renderRun } from "../render/render-run.ts";
import type { RunKind } from "../run-kinds.ts";
import { createRunRecord } from "./create-run-record.ts";
import type { OperationContext } from "./operation-context.ts";
import { renderContext } from "./retrieve-run.ts";
import { runInput } from "./run-input.ts";

/** `POST /<kind>_runs`: the run starts PROCESSING and moves on the emulator clock. */
export function createRun(kind: RunKind) {
  return (ctx: OperationContext) => {
    const fields = runInput(kind, ctx.body, ctx.state.rng.ids, ctx.now);
    const run = createRunRecord(ctx.state, {
      kind,
      workspaceId: ctx.workspaceId,
      start: "PROCESSING",
      ...fields,
    });
    return { body: renderRun(run, renderContext(ctx)) };
  };
}

/**
 * The synchronous endpoints (`POST /extract`, `/parse`, …): the run finishes within the call. A run
 * whose outcome is FAILED comes back as an HTTP error whose `code` is the failure reason (REFERENCE
 * §5.2): 500 for INTERNAL_ERROR (retryable), 422 otherwise.
 */
export function createSyncRun(kind: RunKind) {
  return (ctx: OperationContext) => {
    const fields = runInput(kind, ctx.body, ctx.state.rng.ids, ctx.now);
    const run = createRunRecord(ctx.state, {
      kind,
      workspaceId: ctx.workspaceId,
      start: "done",
      ...fields,
    });
    if (run.status === "FAILED") {
      const code = run.failureReason ?? "INTERNAL_ERROR";
      throw new ApiFailure(
        code === "INTERNAL_ERROR" ? 500 : 422,
        code,
        run.failureMessage ?? "The run failed.",
      );
    }
    return { body: renderRun(run, renderContext(ctx)) };
  };
}
