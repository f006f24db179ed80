import { ApiFailure, notFound } from "../api-failure.ts";
import { isTerminal, type RunKind } from "../run-kinds.ts";
import type { OperationContext } from "./operation-context.ts";

/**
 * Deletes the run `ctx.id` (one of `kinds`) and its data for good; afterwards get, cancel, delete
 * and list all show it gone. Returns the deleted id. A repeated delete is a 404, or a 200 with the
 * same id under `repeatDelete: 200` (without a second effect).
 */
export function applyDelete(ctx: OperationContext, kinds: readonly RunKind[]): string {
  const { state } = ctx;
  const run = state.store.find(ctx.id, kinds, ctx.workspaceId, ctx.now);
  if (!run) {
    const gone = state.store.tombstone(ctx.id);
    if (
      gone &&
      state.switches.repeatDelete === 200 &&
      gone.workspaceId === ctx.workspaceId &&
      kinds.includes(gone.kind)
    )
      return ctx.id;
    throw notFound();
  }
  if (state.switches.deleteNonTerminal === "reject" && !isTerminal(run.status))
    throw new ApiFailure(
      400,
      "INVALID_REQUEST",
      `Run ${run.id} is ${run.status}; only finished runs can be deleted.`,
      { retryable: false },
    );
  state.store.remove(run.id);
  state.records.effect(run.id, "deleted");
  return run.id;
}

export function deleteRun(kind: RunKind) {
  return (ctx: OperationContext) => ({ body: { id: applyDelete(ctx, [kind]) } });
}
