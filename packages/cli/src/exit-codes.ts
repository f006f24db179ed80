/**
 * Exit codes, one per outcome, so scripts can branch on them. Stable: documented in the README.
 * A re-run of the same command resumes after 4 and 130 (and retries the failures after 1).
 */
export const EXIT_CODES = {
  /** Every ID settled: deleted, already absent or not found (cancelled or already finished). */
  ok: 0,
  /** At least one ID failed; the summary and `--json` lines say which and why. */
  failed: 1,
  /** Bad arguments: nothing was sent. */
  usage: 2,
  /** Configuration missing or refused: no `EXTEND_API_KEY`, or the API answered 401. */
  config: 3,
  /** Stopped before the end: the API asked to wait longer than `--max-retry-after`, or listing failed. */
  incomplete: 4,
  /** Interrupted (Ctrl-C). The checkpoint is saved. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
