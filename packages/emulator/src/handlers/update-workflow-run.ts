import { renderRun } from "../render/render-run.ts";
import type { OperationContext } from "./operation-context.ts";
import { findRun, renderContext } from "./retrieve-run.ts";

/** `POST /workflow_runs/{id}`: sets `name`, merges `metadata` (incoming keys win); any status. */
export function updateWorkflowRun(ctx: OperationContext) {
  const run = findRun(ctx, ["workflowRuns"]);
  const body = ctx.body as { name?: string; metadata?: Record<string, unknown> };
  if (body.name !== undefined) run.name = body.name;
  if (body.metadata !== undefined) run.metadata = { ...(run.metadata ?? {}), ...body.metadata };
  run.updatedAt = ctx.now;
  ctx.state.records.effect(run.id, "updated");
  return { body: renderRun(run, renderContext(ctx)) };
}
