import { type FinishedStepRun, finishedStepRuns } from "../finished-step-runs.ts";
import type { RunRecord } from "../run-record.ts";

/**
 * The step runs whose `workflow_run.step_run.processed` event (REFERENCE §6.2, one `StepRun` each)
 * fires when workflow run `run` enters `status`: those that finished PROCESSED, in step order. A
 * FAILED step fires nothing (§6.2 has no step-run failed event). Steps finish only with the run's
 * outcome, so a run cancelled or deleted before it has none, and no status is entered twice, so
 * each step fires once.
 */
export function processedStepRuns(run: RunRecord, status: string): FinishedStepRun[] {
  return finishedStepRuns(run, status).filter((finished) => finished.status === "PROCESSED");
}
