import { isTerminal } from "../run-type-driver.ts";
import { mismatch } from "../verdict.ts";
import type { Step } from "./step.ts";

/** Creates run A. On the emulator it must start in flight (PENDING or PROCESSING). */
export const createStep: Step = async (driver, state, calls) => {
  calls.push(driver.scenario.createdWith);
  const run = await driver.create(0);
  state.a = run;
  if (!driver.creatable) {
    // No create endpoint (legacy batch processor runs): the host seeded the run; the sample reads it.
    return {
      outcome: "refused",
      summary: "no endpoint; seeded",
      detail: `${run.id} ${run.status}`,
    };
  }
  if (driver.env.target === "emulator" && isTerminal(run.status)) {
    return mismatch(`${run.status} at once`, `${run.id} was created already terminal`);
  }
  return { outcome: "ok", summary: run.status, detail: run.id };
};
