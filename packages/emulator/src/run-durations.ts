/** How long runs spend in each moving status, in emulator-clock milliseconds. */
export interface RunDurations {
  /** Batch-created runs (and batches, evaluation set runs) wait this long in PENDING. Default `1000`. */
  pendingMs: number;
  /** Time in PROCESSING before the run reaches its outcome. Default `2000`. */
  processingMs: number;
  /** Time in CANCELLING before CANCELLED, where the `cancelling` switch applies. Default `500`. */
  cancellingMs: number;
}

export const DEFAULT_DURATIONS: Readonly<RunDurations> = Object.freeze({
  pendingMs: 1000,
  processingMs: 2000,
  cancellingMs: 500,
});
