import { apiFailure } from "../api-failure.ts";
import { mismatch, notReached } from "../verdict.ts";
import type { Step } from "./step.ts";

/**
 * Cancels the finished run B, through `client.runs.cancel` where its id routes: the API must
 * refuse with a 4xx other than 404 (REFERENCE §4.3; the status is open question 1).
 */
export const cancelFinishedStep: Step = async (driver, state, calls) => {
  const { cancel } = driver;
  if (!cancel) return { outcome: "none", summary: "–", detail: "no cancel endpoint" };
  const run = state.b;
  if (!run) return notReached;
  const viaRuns = driver.routedHere(run.id);
  calls.push(viaRuns ? "runs.cancel" : driver.call("cancel"));
  try {
    await (viaRuns ? driver.client.runs.cancel(run.id) : cancel(run.id));
  } catch (error) {
    const failure = apiFailure(error);
    if (failure && failure.status >= 400 && failure.status < 500 && failure.status !== 404) {
      const summary = `refused ${failure.status} ${failure.code}`;
      return { outcome: "refused", summary, detail: failure.message };
    }
    throw error;
  }
  return mismatch("accepted", `the API accepted a cancel of finished run ${run.id}`);
};
