import type { BulkOptions, BulkSource } from "./bulk-options.ts";
import type {
  BulkFailure,
  DeleteManyCounts,
  DeleteManyProgress,
  DeleteManyReport,
} from "./bulk-report.ts";
import type { BulkShared } from "./create-job-context.ts";
import { deleteOne } from "./delete-one.ts";
import { reportTotals } from "./report-totals.ts";
import { runBulk } from "./run-bulk.ts";
import { failureOf } from "./settled.ts";

/**
 * Deletes every run of `source` (see `client.runs.deleteMany`). Resolves to a report in which each
 * distinct ID is in exactly one of `deleted`, `alreadyAbsent`, `notFound`, `failed`, `notAttempted`.
 * Rejects only on invalid arguments (a source that is not iterable, a bad option).
 */
export async function deleteMany(
  shared: BulkShared,
  source: BulkSource,
  options: BulkOptions<DeleteManyProgress> = {},
): Promise<DeleteManyReport> {
  const counts: DeleteManyCounts = {
    total: 0,
    deleted: 0,
    alreadyAbsent: 0,
    notFound: 0,
    failed: 0,
    notAttempted: 0,
  };
  const lists = {
    deleted: [] as string[],
    alreadyAbsent: [] as string[],
    notFound: [] as string[],
    notAttempted: [] as string[],
  };
  const failures: BulkFailure[] = [];
  const { onProgress, ...rest } = options;
  const result = await runBulk(source, rest, shared, deleteOne, (id, settled) => {
    counts.total++;
    counts[settled.outcome]++;
    if (settled.outcome === "failed") {
      failures.push(failureOf(id, settled));
    } else {
      lists[settled.outcome].push(id);
    }
    onProgress?.({
      id,
      outcome: settled.outcome,
      ...(settled.error !== undefined && { error: settled.error }),
      counts: { ...counts },
    });
  });
  return {
    ...lists,
    failed: failures,
    ...reportTotals(counts, result),
  };
}
