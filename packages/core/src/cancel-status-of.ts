import { runStatusOf } from "./run-status-of.ts";

/**
 * The status of a run body for deciding whether a cancel took effect: its `status`, as
 * `runStatusOf` reads it, except that a `FAILED` run whose `failureReason` is `ABORTED` reads as
 * `CANCELLED`. A cancelled parse run may report itself that way (REFERENCE §8 Q3: the SDK's parse
 * status enum has no CANCELLED; the emulator's `parseCancel: "FAILED"`), and a cancel that took
 * effect must never be reported as "not cancellable". Undefined when the body has no status.
 */
export function cancelStatusOf(body: unknown): string | undefined {
  const status = runStatusOf(body);
  return status === "FAILED" && (body as { failureReason?: unknown }).failureReason === "ABORTED"
    ? "CANCELLED"
    : status;
}
