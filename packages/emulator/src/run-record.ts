import type { RunKind } from "./run-kinds.ts";

/** A file as a run shows it (`FileSummary`, REFERENCE §3.7). */
export interface FileRecord {
  id: string;
  name: string;
  type: string | null;
  pageCount: number;
  createdAt: number;
}

/**
 * One planned step of a workflow run (REFERENCE §3.1 `StepRun`). Only the ids and the kind of step
 * are stored; its status and result follow from the workflow run's status (finished-step-runs.ts).
 */
export interface StepRunRecord {
  /** `workflow_step_run_…`. */
  id: string;
  /** The `stepType` (and `step.type`): `PARSE` or `EXTRACT`. */
  type: "PARSE" | "EXTRACT";
  /** `step.name`. */
  name: string;
  /** Id of the run the step made, shown in `result` (`pr_…` for PARSE, `exr_…` for EXTRACT). */
  resultRunId: string;
}

/** A status a run will take at time `at` (ms) unless something else happens first. */
export interface Phase {
  status: string;
  at: number;
}

/** The emulator's stored state of one run; renderers turn it into the API's objects. */
export interface RunRecord {
  kind: RunKind;
  id: string;
  workspaceId: string;
  status: string;
  /** Upcoming statuses, earliest first. Empty once the run has stopped moving. */
  phases: Phase[];
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  endedAt: number | null;
  /** When a cancel was accepted (the run may still pass through CANCELLING), else null. */
  cancelledAt: number | null;
  metadata: Record<string, unknown> | null;
  /** Workflow run name (`workflowRuns.update`); the 2026-02-09 objects do not show it. */
  name: string | null;
  /** `batch_…` (workflow), `bpr_…` / `bpar_…` (processor and parse batches) or null. */
  batchId: string | null;
  /** Workflow, extractor, classifier, splitter or evaluated entity id; null for parse/edit/form runs. */
  processorId: string | null;
  processorVersion: string | null;
  /** `RunSource` of list filters (REFERENCE §7). */
  source: string;
  sourceId: string | null;
  file: FileRecord | null;
  files: FileRecord[] | null;
  config: Record<string, unknown>;
  failureReason: string | null;
  failureMessage: string | null;
  /** Batch runs: ids of the member runs, and their kind. */
  members: string[];
  memberKind: RunKind | null;
  /** Workflow runs: their steps, planned at creation, in order. Empty for every other kind. */
  stepRuns: StepRunRecord[];
  /** Evaluation set runs: the evaluation set. */
  evaluationSetId: string | null;
  /** Fields merged over every rendering of this run (seedRun `overrides`). May break the spec on purpose. */
  overrides: Record<string, unknown> | null;
}
