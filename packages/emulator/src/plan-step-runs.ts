import type { Rng } from "./create-rng.ts";
import { makeId } from "./make-id.ts";
import type { StepRunRecord } from "./run-record.ts";

/**
 * The steps of every emulated workflow: parse the file, then extract from it (the two step types
 * REFERENCE §3.1 names first). The emulator has no workflow definitions, so all workflows share it.
 */
const STEPS = [
  { type: "PARSE", name: "Parse", resultPrefix: "pr_" },
  { type: "EXTRACT", name: "Extract", resultPrefix: "exr_" },
] as const;

/**
 * The step runs of a new workflow run, with ids drawn from `rng`: the emulator's step-run stream,
 * separate from the id stream so that modelling steps leaves every other id of a seed unchanged.
 */
export function planStepRuns(rng: Rng): StepRunRecord[] {
  return STEPS.map(({ type, name, resultPrefix }) => ({
    id: makeId("workflow_step_run_", rng),
    type,
    name,
    resultRunId: makeId(resultPrefix, rng),
  }));
}
