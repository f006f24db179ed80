/** An ID the job gave up on, and why. */
export interface BulkFailure {
  id: string;
  /** The last error: an `ApiError`, an `InvalidArgumentError`, a `BulkIntegrityError`, a transport error, … */
  error: unknown;
  /** True when trying again later may succeed (budget or attempts ran out on a retryable error). */
  retryable: boolean;
  /** Requests sent for this ID. */
  attempts: number;
}

/** Why a job ended before every ID was settled. */
export type BulkStop =
  | { reason: "aborted"; cause: unknown }
  | { reason: "rate-limited"; resumeAt: number }
  | { reason: "unauthorized"; error: unknown }
  | { reason: "source-failed"; error: unknown }
  | { reason: "callback-failed"; error: unknown };

/** What every report has, whatever the operation. */
export interface BulkReportBase {
  /** Distinct IDs taken from the source; equals the sum of the outcome counts. */
  total: number;
  /** Repeated IDs that were skipped (each ID is handled once). */
  duplicates: number;
  failed: BulkFailure[];
  /**
   * IDs the job stopped before settling and that nothing of this job can have changed: no request
   * was sent, or only requests the API turned away (429, 503). Safe to run again as new.
   */
  notAttempted: string[];
  /** Requests sent, retries and reconciling reads included. */
  requests: number;
  /** False when the job stopped before reading the whole source (IDs it never read are not listed). */
  sourceExhausted: boolean;
  /** Set when the job stopped early. */
  stopped?: BulkStop;
  /** True when nothing failed and nothing was left unattempted. */
  ok: boolean;
}

/** Counts of a delete job; they always add up to `total`. */
export interface DeleteManyCounts {
  total: number;
  deleted: number;
  alreadyAbsent: number;
  notFound: number;
  failed: number;
  notAttempted: number;
}

/** The result of `client.runs.deleteMany`. Every ID taken from the source is in exactly one list. */
export interface DeleteManyReport extends BulkReportBase {
  /** The API confirmed the delete (a 2xx naming the same run). */
  deleted: string[];
  /** A 404 after an attempt whose outcome was unknown: our earlier attempt most likely deleted it. */
  alreadyAbsent: string[];
  /** A 404 when no earlier attempt could have deleted it: it never existed or someone else deleted it. */
  notFound: string[];
  counts: DeleteManyCounts;
}

/** Counts of a cancel job; they always add up to `total`. */
export interface CancelManyCounts {
  total: number;
  cancelled: number;
  alreadyTerminal: number;
  notFound: number;
  failed: number;
  notAttempted: number;
}

/** A run that could not be cancelled because it had already finished. */
export interface TerminalRun {
  id: string;
  /** Its status when read back: `PROCESSED`, `FAILED`, `CANCELLED` (by someone else), or one the spec does not know. */
  status: string;
}

/** The result of `client.runs.cancelMany`. Every ID taken from the source is in exactly one list. */
export interface CancelManyReport extends BulkReportBase {
  /** Read back as `CANCELLED` after our cancel. */
  cancelled: string[];
  /** Finished before the cancel could take effect (or cancelled by someone else). */
  alreadyTerminal: TerminalRun[];
  notFound: string[];
  counts: CancelManyCounts;
}

/** One settled ID, as `onProgress` sees it. */
export interface BulkProgress<O extends string> {
  id: string;
  outcome: O;
  /** The run's status, for `alreadyTerminal`. */
  status?: string;
  /** The error, for `failed`. */
  error?: unknown;
  /** Counts so far (`total` = IDs read from the source so far). */
  counts: Record<O | "total", number>;
}

export type DeleteOutcome = "deleted" | "alreadyAbsent" | "notFound" | "failed" | "notAttempted";
export type CancelOutcome =
  | "cancelled"
  | "alreadyTerminal"
  | "notFound"
  | "failed"
  | "notAttempted";
export type DeleteManyProgress = BulkProgress<DeleteOutcome>;
export type CancelManyProgress = BulkProgress<CancelOutcome>;
