import type { BulkOptions, BulkSource } from "./bulk-options.ts";
import type {
  BulkFailure,
  CancelManyCounts,
  CancelManyProgress,
  CancelManyReport,
  TerminalRun,
} from "./bulk-report.ts";
import { cancelOne } from "./cancel-one.ts";
import type { BulkShared } from "./create-job-context.ts";
import { reportTotals } from "./report-totals.ts";
import { runBulk } from "./run-bulk.ts";
import { failureOf } from "./settled.ts";

/**
 * Cancels every run of `source` (see `client.runs.cancelMany`). Resolves to a report in which each
 * distinct ID is in exactly one of `cancelled`, `alreadyTerminal`, `notFound`, `failed`,
 * `notAttempted`. Rejects only on invalid arguments.
 */
export async function cancelMany(
  shared: BulkShared,
  source: BulkSource,
  options: BulkOptions<CancelManyProgress> = {},
): Promise<CancelManyReport> {
  const counts: CancelManyCounts = {
    total: 0,
    cancelled: 0,
    alreadyTerminal: 0,
    notFound: 0,
    failed: 0,
    notAttempted: 0,
  };
  const lists = {
    cancelled: [] as string[],
    notFound: [] as string[],
    notAttempted: [] as string[],
  };
  const terminal: TerminalRun[] = [];
  const failures: BulkFailure[] = [];
  const { onProgress, ...rest } = options;
  const result = await runBulk(source, rest, shared, cancelOne, (id, settled) => {
    counts.total++;
    counts[settled.outcome]++;
    if (settled.outcome === "failed") {
      failures.push(failureOf(id, settled));
    } else if (settled.outcome === "alreadyTerminal") {
      terminal.push({ id, status: settled.status ?? "UNKNOWN" });
    } else {
      lists[settled.outcome].push(id);
    }
    onProgress?.({
      id,
      outcome: settled.outcome,
      ...(settled.status !== undefined && { status: settled.status }),
      ...(settled.error !== undefined && { error: settled.error }),
      counts: { ...counts },
    });
  });
  return {
    ...lists,
    alreadyTerminal: terminal,
    failed: failures,
    ...reportTotals(counts, result),
  };
}
