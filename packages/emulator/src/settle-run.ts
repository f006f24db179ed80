import { isTerminal } from "./run-kinds.ts";
import type { RunRecord } from "./run-record.ts";

/** Default failure of an emulated FAILED outcome. */
const FAILURE = { reason: "INTERNAL_ERROR", message: "The emulator was told this run fails." };

/**
 * Applies every phase of `run` that is due at `now`. Runs move lazily: each request (and each
 * inspection) settles the runs it touches, so no timers run in the background.
 */
export function settleRun(run: RunRecord, now: number): void {
  while (run.phases.length > 0 && (run.phases[0]?.at ?? Number.POSITIVE_INFINITY) <= now) {
    const phase = run.phases.shift() as { status: string; at: number };
    enterStatus(run, phase.status, phase.at);
  }
}

/** Moves `run` to `status` at time `at`, keeping the timestamps and failure fields consistent. */
export function enterStatus(run: RunRecord, status: string, at: number): void {
  run.status = status;
  run.updatedAt = at;
  if (status === "PROCESSING" && run.startedAt === null) run.startedAt = at;
  if (isTerminal(status)) {
    run.endedAt = at;
    if (run.startedAt === null) run.startedAt = at;
  }
  if (status === "FAILED" && run.failureReason === null) {
    run.failureReason = FAILURE.reason;
    run.failureMessage = FAILURE.message;
  }
}
