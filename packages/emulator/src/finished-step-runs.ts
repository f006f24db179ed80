import type { RunRecord, StepRunRecord } from "./run-record.ts";

/** A step run that has finished, with the `StepRunStatus` it finished in. */
export interface FinishedStepRun {
  step: StepRunRecord;
  status: "PROCESSED" | "FAILED";
}

/**
 * The step runs of workflow run `run` that have finished once it is in `status`, in step order.
 *
 * The emulator finishes a workflow run's steps together with the run itself, at the moment it
 * reaches its outcome; so while it is PENDING, PROCESSING or CANCELLING no step has finished, and a
 * cancelled run (its outcome never came) has none. Then:
 * - PROCESSED, NEEDS_REVIEW, REJECTED: every step PROCESSED (review comes after the steps ran;
 *   REFERENCE §4.1: NEEDS_REVIEW needs a human-review step, which is not a `StepRun` type of §3.1,
 *   so it is not modelled as one).
 * - FAILED: the steps before the last PROCESSED, the last one FAILED (the failure came from a step).
 * - any other status (CANCELLED, or unknown, e.g. seeded `ARCHIVED`): none.
 */
export function finishedStepRuns(run: RunRecord, status: string = run.status): FinishedStepRun[] {
  const steps = run.stepRuns;
  switch (status) {
    case "PROCESSED":
    case "NEEDS_REVIEW":
    case "REJECTED":
      return steps.map((step) => ({ step, status: "PROCESSED" }));
    case "FAILED":
      return steps.map((step, i) => ({
        step,
        status: i === steps.length - 1 ? "FAILED" : "PROCESSED",
      }));
    default:
      return [];
  }
}
