import type { BulkItem } from "@extendkit/core";
import type { CheckpointState } from "./checkpoint.ts";

/** Outcomes after which an ID needs nothing more: a resumed job skips it. */
export const FINAL_OUTCOMES = new Set([
  "deleted",
  "alreadyAbsent",
  "notFound",
  "cancelled",
  "alreadyTerminal",
]);

/**
 * `ids` without those an earlier run of the job settled for good, each marked `attempted` when an
 * earlier run sent a request for it (so a 404 then means "already absent", not "not found").
 * `skipped` counts what was left out, by earlier outcome.
 */
export async function* resumeSource(
  ids: AsyncIterable<string> | Iterable<string>,
  state: CheckpointState | undefined,
  skipped: Record<string, number>,
): AsyncGenerator<BulkItem> {
  for await (const id of ids) {
    const earlier = state?.done.get(id);
    if (earlier !== undefined && FINAL_OUTCOMES.has(earlier)) {
      skipped[earlier] = (skipped[earlier] ?? 0) + 1;
      continue;
    }
    yield state?.started.has(id) ? { id, attempted: true } : id;
  }
}
