import { renderRun } from "../render/render-run.ts";
import { createRunRecord } from "./create-run-record.ts";
import type { OperationContext } from "./operation-context.ts";
import { renderContext } from "./retrieve-run.ts";

/** `POST /evaluation_set_runs`: PENDING, then PROCESSING, then PROCESSED on the emulator clock. */
export function createEvaluationSetRun(ctx: OperationContext) {
  const body = ctx.body as { evaluationSetId: string; entity?: { id: string; version?: string } };
  const run = createRunRecord(ctx.state, {
    kind: "evaluationSetRuns",
    workspaceId: ctx.workspaceId,
    start: "PENDING",
    evaluationSetId: body.evaluationSetId,
    processorId: body.entity?.id ?? null,
    processorVersion: body.entity?.version ?? null,
  });
  return { body: renderRun(run, renderContext(ctx)) };
}
