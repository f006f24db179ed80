import type { RunKind } from "../run-kinds.ts";
import type { RunRecord } from "../run-record.ts";

/**
 * Every run event type of REFERENCE §6.2, the default subscription of a webhook endpoint; the
 * emulator fires all of them. `workflow_run.step_run.processed` fires once per step a workflow run
 * finished PROCESSED, just before the run's own `workflow_run.*` event (processed-step-runs.ts).
 * There are no cancelled events for extract, classify, split or parse runs, no `*.deleted` events
 * and no form detection events: Extend sends none.
 */
export const RUN_EVENT_TYPES = [
  "workflow_run.completed",
  "workflow_run.failed",
  "workflow_run.needs_review",
  "workflow_run.rejected",
  "workflow_run.cancelled",
  "workflow_run.step_run.processed",
  "extract_run.processed",
  "extract_run.failed",
  "classify_run.processed",
  "classify_run.failed",
  "split_run.processed",
  "split_run.failed",
  "parse_run.processed",
  "parse_run.failed",
  "edit_run.processed",
  "edit_run.failed",
  "batch_processor_run.processed",
  "batch_processor_run.failed",
  "batch_parse_run.processed",
  "batch_parse_run.failed",
] as const;

export type RunEventType = (typeof RUN_EVENT_TYPES)[number];

/** The event of one workflow step run (payload: the `StepRun`), not returned by `runEventType`. */
export const STEP_RUN_PROCESSED = "workflow_run.step_run.processed" satisfies RunEventType;

const FINISHED = { PROCESSED: "processed", FAILED: "failed" } as const;

/** The event family of each kind whose runs fire `<family>.processed` / `<family>.failed`. */
const FAMILY: Partial<Record<RunKind, string>> = {
  extractRuns: "extract_run",
  classifyRuns: "classify_run",
  splitRuns: "split_run",
  parseRuns: "parse_run",
  editRuns: "edit_run",
};

const WORKFLOW: Readonly<Record<string, RunEventType>> = {
  PROCESSED: "workflow_run.completed",
  FAILED: "workflow_run.failed",
  NEEDS_REVIEW: "workflow_run.needs_review",
  REJECTED: "workflow_run.rejected",
  CANCELLED: "workflow_run.cancelled",
};

/**
 * The event `run` itself fires on entering `status` (for batch runs: their derived status), or
 * null; a workflow run's step events come on top (processed-step-runs.ts).
 * A non-workflow run that was cancelled fires nothing, even when the `parseCancel` switch makes a
 * cancelled parse run report FAILED: §6.2 has no cancelled events for those runs. Legacy batch
 * processor runs (seeded only) and evaluation set runs fire nothing either.
 */
export function runEventType(run: RunRecord, status: string): RunEventType | null {
  if (run.kind === "workflowRuns") return WORKFLOW[status] ?? null;
  if (run.cancelledAt !== null) return null;
  const outcome = FINISHED[status as keyof typeof FINISHED];
  if (!outcome) return null;
  const family =
    run.kind === "batchRuns"
      ? run.memberKind === "parseRuns"
        ? "batch_parse_run"
        : "batch_processor_run"
      : FAMILY[run.kind];
  return family ? (`${family}.${outcome}` as RunEventType) : null;
}
