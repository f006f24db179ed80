import type { CreatedRun } from "../run-types.ts";
import { ids, notReached } from "../verdict.ts";
import type { Step } from "./step.ts";

/**
 * Deletes every run the scenario made: A through `client.<resource>.delete`, B through
 * `client.runs.delete` where its id prefix routes. For a type with no delete endpoint it shows
 * that, and the runs stay (form detection, batch and evaluation-set runs).
 */
export const deleteStep: Step = async (driver, state, calls) => {
  const made = [...state.spare, state.a, state.b].filter((r): r is CreatedRun => r !== undefined);
  if (made.length === 0) return notReached;
  const { remove, resource, scenario } = driver;
  if (!remove) {
    const detail = `The spec has no delete operation for ${resource} (${scenario.reference}); ${ids(made)} remain.`;
    return { outcome: "refused", summary: "no endpoint", detail };
  }
  for (const run of made) {
    const viaRuns = run === state.b && driver.routedHere(run.id);
    calls.push(viaRuns ? "runs.delete" : driver.call("delete"));
    await (viaRuns ? driver.client.runs.delete(run.id) : remove(run.id));
    state.deleted.push({ id: run.id, viaRuns });
  }
  return { outcome: "ok", summary: `deleted ×${state.deleted.length}`, detail: ids(state.deleted) };
};
