import { apiFailure } from "../api-failure.ts";
import { ids, mismatch, notReached, times } from "../verdict.ts";
import type { Step } from "./step.ts";

/** Reads every deleted run again, the way it was deleted: each must answer 404. */
export const goneStep: Step = async (driver, state, calls) => {
  if (!driver.remove) return { outcome: "none", summary: "–", detail: "no delete endpoint" };
  if (state.deleted.length === 0) return notReached;
  const answers: string[] = [];
  for (const run of state.deleted) {
    calls.push(run.viaRuns ? "runs.retrieve" : driver.call("retrieve"));
    try {
      await (run.viaRuns ? driver.client.runs.retrieve(run.id) : driver.retrieve(run.id));
      answers.push("200");
    } catch (error) {
      const failure = apiFailure(error);
      if (!failure) throw error;
      answers.push(String(failure.status));
    }
  }
  const deleted = ids(state.deleted);
  return answers.every((s) => s === "404")
    ? { outcome: "ok", summary: times("404", answers.length), detail: deleted }
    : mismatch(answers.join(", "), `expected 404 for each deleted run: ${deleted}`);
};
