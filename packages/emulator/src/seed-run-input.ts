import type { RunKind } from "./run-kinds.ts";

/** A run to put straight into the emulator's state (`emulator.seedRun`), bypassing the API. */
export interface SeedRunInput {
  kind: RunKind;
  /** Default: the workspace of the first configured key (`ws_emulator` by default). */
  workspaceId?: string;
  /** Default: a fresh id with the kind's prefix. */
  id?: string;
  /**
   * Status now. PENDING and PROCESSING runs move on as created runs do; any other status (known or
   * not, e.g. `"ARCHIVED"`) stays. Default `"PROCESSED"`.
   */
  status?: string;
  /** Final status for a moving run. Default: the `outcomes` option, else PROCESSED. */
  outcome?: string;
  /** Creation time (ms since epoch or ISO). Default: the emulator clock's now. */
  createdAt?: number | string;
  /** Last update time. Default `createdAt`. */
  updatedAt?: number | string;
  metadata?: Record<string, unknown> | null;
  /** Workflow, extractor, classifier or splitter id (also the legacy processorId). */
  processorId?: string;
  processorVersion?: string;
  fileName?: string;
  batchId?: string;
  source?: string;
  sourceId?: string;
  /** Batch runs and legacy batch processor runs: how many PROCESSED member runs to create with them. */
  memberCount?: number;
  /** Evaluation set runs: the evaluation set id. Default `ev_emulator`. */
  evaluationSetId?: string;
  /**
   * Fields merged over every rendering of this run, after the emulator's own. Use it to show a
   * client unknown fields, or to break the spec on purpose (strict mode then rejects the response).
   */
  overrides?: Record<string, unknown>;
}
