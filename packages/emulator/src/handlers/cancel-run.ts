import { ApiFailure } from "../api-failure.ts";
import type { EmulatorState } from "../emulator-state.ts";
import { renderRun } from "../render/render-run.ts";
import { isTerminal, RUN_KINDS } from "../run-kinds.ts";
import type { RunRecord } from "../run-record.ts";
import { enterStatus } from "../settle-run.ts";
import type { OperationContext } from "./operation-context.ts";
import { findRun, renderContext } from "./retrieve-run.ts";

function notAllowed(state: EmulatorState, run: RunRecord, why: string): ApiFailure {
  const { status, code } = state.switches.cancelNotAllowed;
  return new ApiFailure(status, code, `Run ${run.id} cannot be cancelled: ${why}`, {
    retryable: false,
  });
}

/**
 * Applies a cancel to `run` per REFERENCE §4.2 and the switches: workflow runs while PENDING or
 * PROCESSING, others while PROCESSING (PENDING too with `cancelPending`); through CANCELLING where
 * the `cancelling` switch says; parse runs end as the `parseCancel` switch says. Cancelling a run
 * that is already CANCELLING changes nothing and answers 200.
 */
export function applyCancel(state: EmulatorState, run: RunRecord, now: number): void {
  if (run.status === "CANCELLING") return;
  const isParse = run.kind === "parseRuns";
  if (isParse && state.switches.parseCancel === "reject")
    throw notAllowed(state, run, "parse runs cannot be cancelled.");
  const from =
    run.kind !== "workflowRuns" && state.switches.cancelPending
      ? ["PENDING", ...RUN_KINDS[run.kind].cancellableFrom]
      : RUN_KINDS[run.kind].cancellableFrom;
  if (!from.includes(run.status)) {
    const why = isTerminal(run.status)
      ? `it is in a terminal state (${run.status}).`
      : `it is ${run.status}; only ${from.join(" or ")} runs can be cancelled.`;
    throw notAllowed(state, run, why);
  }
  run.cancelledAt = now;
  const final = isParse && state.switches.parseCancel === "FAILED" ? "FAILED" : "CANCELLED";
  if (final === "FAILED") {
    run.failureReason = "ABORTED";
    run.failureMessage = "The run was cancelled.";
  }
  const viaCancelling =
    state.switches.cancelling === "all" ||
    (state.switches.cancelling === "workflow" && run.kind === "workflowRuns");
  if (viaCancelling) {
    enterStatus(run, "CANCELLING", now);
    run.phases = [{ status: final, at: now + state.durations.cancellingMs }];
  } else {
    run.phases = [];
    enterStatus(run, final, now);
  }
  state.store.touch(run);
  state.records.effect(run.id, "cancelled");
}

export function cancelRun(kind: RunRecord["kind"]) {
  return (ctx: OperationContext) => {
    const run = findRun(ctx, [kind]);
    applyCancel(ctx.state, run, ctx.now);
    return { body: renderRun(run, renderContext(ctx)) };
  };
}
