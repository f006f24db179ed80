import { makeId } from "../make-id.ts";
import { renderRun } from "../render/render-run.ts";
import type { RunKind } from "../run-kinds.ts";
import { createRunRecord } from "./create-run-record.ts";
import type { OperationContext } from "./operation-context.ts";
import { renderContext } from "./retrieve-run.ts";
import { runInput } from "./run-input.ts";

type Body = Record<string, unknown>;

/** The top-level fields of a batch body that each member run shares (processor ref, config). */
function shared(body: Body): Body {
  const { inputs: _inputs, priority: _priority, ...rest } = body;
  return rest;
}

/**
 * `POST /<kind>_runs/batch`: every input becomes a member run, PENDING at first. Workflow batches
 * answer only `{batchId}` (`batch_…`, no GET; list with `batchId`); the others answer a BatchRun
 * (`bpr_…`, parse `bpar_…`) whose status follows its members.
 */
export function createBatch(kind: RunKind) {
  return (ctx: OperationContext) => {
    const { state } = ctx;
    const inputs = ctx.body.inputs as Body[];
    const common = shared(ctx.body);
    const isParse = kind === "parseRuns";
    const batchId =
      kind === "workflowRuns"
        ? makeId("batch_", state.rng.ids, 12)
        : makeId(isParse ? "bpar_" : "bpr_", state.rng.ids);
    const members = inputs.map((input) => {
      const fields = runInput(kind, { ...common, ...input }, state.rng.ids, ctx.now);
      return createRunRecord(state, {
        kind,
        workspaceId: ctx.workspaceId,
        start: "PENDING",
        ...fields,
        batchId,
        ...(kind === "workflowRuns"
          ? {}
          : { source: isParse ? "BATCH_PARSER_RUN" : "BATCH_PROCESSOR_RUN", sourceId: batchId }),
      }).id;
    });
    if (kind === "workflowRuns") return { body: { batchId } };
    const batch = createRunRecord(state, {
      kind: "batchRuns",
      id: batchId,
      workspaceId: ctx.workspaceId,
      start: "PENDING",
      members,
      memberKind: kind,
    });
    batch.phases = []; // a batch's status is derived from its members
    return { body: renderRun(batch, renderContext(ctx)) };
  };
}
