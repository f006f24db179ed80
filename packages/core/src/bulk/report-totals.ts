import type { BulkReportBase } from "./bulk-report.ts";
import type { BulkResult } from "./run-bulk.ts";

/** Counts every report has: the total and the two outcomes that make a job not `ok`. */
interface BaseCounts {
  total: number;
  failed: number;
  notAttempted: number;
}

/**
 * The fields every bulk report shares besides its lists: the counts, the engine's totals, why it
 * stopped (only when it did), and `ok` (nothing failed, nothing left unattempted, source read to
 * the end).
 */
export function reportTotals<C extends BaseCounts>(
  counts: C,
  result: BulkResult,
): Omit<BulkReportBase, "failed" | "notAttempted"> & { counts: C } {
  return {
    counts,
    total: counts.total,
    duplicates: result.duplicates,
    requests: result.requests,
    sourceExhausted: result.sourceExhausted,
    ...(result.stopped !== undefined && { stopped: result.stopped }),
    ok: counts.failed === 0 && counts.notAttempted === 0 && result.sourceExhausted,
  };
}
