import { notFound } from "../api-failure.ts";
import { renderRun } from "../render/render-run.ts";
import type { RunKind } from "../run-kinds.ts";
import type { OperationContext } from "./operation-context.ts";

/** The run `ctx.id` of one of `kinds` in the caller's workspace, or a 404. */
export function findRun(ctx: OperationContext, kinds: readonly RunKind[]) {
  const run = ctx.state.store.find(ctx.id, kinds, ctx.workspaceId, ctx.now);
  if (!run) throw notFound();
  return run;
}

export const renderContext = (ctx: OperationContext) => ({
  now: ctx.now,
  store: ctx.state.store,
  responseType: (ctx.query.get("responseType") ?? "json") as "json" | "url",
});

export function retrieveRun(kind: RunKind) {
  return (ctx: OperationContext) => ({ body: renderRun(findRun(ctx, [kind]), renderContext(ctx)) });
}
