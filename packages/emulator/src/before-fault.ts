import type { EmulatorState } from "./emulator-state.ts";
import type { Fault } from "./faults/fault.ts";
import { isTerminal } from "./run-kinds.ts";
import { enterStatus, settleRun } from "./settle-run.ts";

/** Plays a state-changing fault (F16 outside deleter, F17 cancel races completion) on run `id`. */
export function applyBeforeFault(
  state: EmulatorState,
  fault: Fault,
  id: string,
  workspaceId: string,
  now: number,
): void {
  const run = id ? state.store.peek(id) : undefined;
  if (!run || run.workspaceId !== workspaceId) return;
  if (fault.type === "outsideDelete") {
    state.store.remove(id);
    state.records.effect(id, "deletedByOthers");
  } else if (fault.type === "raceCompletion") {
    settleRun(run, now);
    if (isTerminal(run.status)) return;
    run.phases = [];
    enterStatus(run, fault.status ?? "PROCESSED", now);
    state.store.touch(run);
    state.records.effect(id, "completedByRace");
  }
}
