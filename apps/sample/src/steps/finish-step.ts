import { isTerminal } from "../run-type-driver.ts";
import { ids, mismatch, times } from "../verdict.ts";
import type { Step } from "./step.ts";

/**
 * Creates run B and lets it finish: it must end PROCESSED. Without a cancel endpoint run A is
 * still going too, so the step waits for both (neither is deleted while in flight).
 */
export const finishStep: Step = async (driver, state, calls) => {
  calls.push(driver.scenario.createdWith);
  const b = await driver.create(1);
  state.b = b;
  const waiting = driver.cancel || !state.a ? [b] : [state.a, b];
  const statuses: string[] = [];
  for (const run of waiting) statuses.push(await driver.waitUntil(run.id, isTerminal));
  return statuses.every((s) => s === "PROCESSED")
    ? { outcome: "ok", summary: times("PROCESSED", statuses.length), detail: ids(waiting) }
    : mismatch(statuses.join(", "), `expected PROCESSED for ${ids(waiting)}`);
};
