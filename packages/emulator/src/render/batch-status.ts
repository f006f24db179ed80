import { isTerminal } from "../run-kinds.ts";
import type { RunRecord } from "../run-record.ts";
import { settleRun } from "../settle-run.ts";
import type { RenderContext } from "./render-context.ts";

/**
 * A batch's status follows its members: PENDING while all wait, PROCESSING while any moves, then
 * PROCESSED (FAILED if every member failed, CANCELLED if every member was cancelled). Deleted
 * members count as finished. A batch whose members are all gone keeps its last status.
 */
export function batchStatus(batch: RunRecord, ctx: RenderContext): string {
  const statuses: string[] = [];
  for (const id of batch.members) {
    const member = ctx.store.peek(id);
    if (!member) continue;
    settleRun(member, ctx.now);
    statuses.push(member.status);
  }
  if (statuses.length === 0) return batch.members.length === 0 ? batch.status : "PROCESSED";
  if (statuses.every((s) => s === "PENDING")) return "PENDING";
  if (!statuses.every(isTerminal)) return "PROCESSING";
  if (statuses.every((s) => s === "FAILED")) return "FAILED";
  if (statuses.every((s) => s === "CANCELLED")) return "CANCELLED";
  return "PROCESSED";
}
