/**
 * Every kind of run the emulator keeps, named after its client resource. Legacy processor runs are
 * not a kind of their own: `/processor_runs` is a legacy view of extract, classify and split runs.
 */
export type RunKind =
  | "workflowRuns"
  | "extractRuns"
  | "parseRuns"
  | "classifyRuns"
  | "splitRuns"
  | "editRuns"
  | "formDetectionRuns"
  | "batchRuns"
  | "evaluationSetRuns"
  | "batchProcessorRuns";

/** Static facts of a run kind (REFERENCE §1.5, §4). */
export interface RunKindInfo {
  /** Id prefix of runs the emulator creates. */
  prefix: string;
  /** The `object` field. */
  object: string;
  /** Statuses a cancel is accepted in (REFERENCE §4.2); empty when there is no cancel endpoint. */
  cancellableFrom: readonly string[];
  /** Statuses after which nothing changes by itself (REFERENCE §4.1). */
  terminal: readonly string[];
}

const PROCESSOR_TERMINAL = ["PROCESSED", "FAILED", "CANCELLED"] as const;

export const RUN_KINDS: Readonly<Record<RunKind, RunKindInfo>> = {
  workflowRuns: {
    prefix: "workflow_run_",
    object: "workflow_run",
    cancellableFrom: ["PENDING", "PROCESSING"],
    terminal: ["PROCESSED", "FAILED", "CANCELLED", "NEEDS_REVIEW", "REJECTED"],
  },
  extractRuns: {
    prefix: "exr_",
    object: "extract_run",
    cancellableFrom: ["PROCESSING"],
    terminal: PROCESSOR_TERMINAL,
  },
  parseRuns: {
    prefix: "pr_",
    object: "parse_run",
    cancellableFrom: ["PROCESSING"],
    terminal: PROCESSOR_TERMINAL,
  },
  classifyRuns: {
    prefix: "clr_",
    object: "classify_run",
    cancellableFrom: ["PROCESSING"],
    terminal: PROCESSOR_TERMINAL,
  },
  splitRuns: {
    prefix: "splr_",
    object: "split_run",
    cancellableFrom: ["PROCESSING"],
    terminal: PROCESSOR_TERMINAL,
  },
  editRuns: {
    prefix: "edr_",
    object: "edit_run",
    cancellableFrom: [],
    terminal: PROCESSOR_TERMINAL,
  },
  formDetectionRuns: {
    prefix: "sgr_",
    object: "form_detection_run",
    cancellableFrom: [],
    terminal: PROCESSOR_TERMINAL,
  },
  batchRuns: {
    prefix: "bpr_",
    object: "batch_run",
    cancellableFrom: [],
    terminal: PROCESSOR_TERMINAL,
  },
  evaluationSetRuns: {
    prefix: "bpr_",
    object: "evaluation_set_run",
    cancellableFrom: [],
    terminal: PROCESSOR_TERMINAL,
  },
  batchProcessorRuns: {
    prefix: "batch_processor_run_",
    object: "batch_processor_run",
    cancellableFrom: [],
    terminal: ["PROCESSED", "FAILED"],
  },
};

/** Every run kind, in a stable order. */
export const RUN_KIND_NAMES = Object.keys(RUN_KINDS) as RunKind[];

/** Statuses in which a run is still moving. Anything else (including unknown values) is terminal. */
const MOVING = new Set(["PENDING", "PROCESSING", "CANCELLING", "WAITING"]);

export function isTerminal(status: string): boolean {
  return !MOVING.has(status);
}
