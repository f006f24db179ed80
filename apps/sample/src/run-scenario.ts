import { describeError } from "./api-failure.ts";
import type { RunResource } from "./run-resource.ts";
import { createRunTypeDriver } from "./run-type-driver.ts";
import type { ScenarioEnv } from "./scenario-env.ts";
import { type StepName, type StepResult, stepNames } from "./step-result.ts";
import { cancelFinishedStep } from "./steps/cancel-finished-step.ts";
import { cancelStep } from "./steps/cancel-step.ts";
import { createStep } from "./steps/create-step.ts";
import { deleteStep } from "./steps/delete-step.ts";
import { finishStep } from "./steps/finish-step.ts";
import { goneStep } from "./steps/gone-step.ts";
import type { ScenarioState, Step } from "./steps/step.ts";
import type { Verdict } from "./verdict.ts";

/** The scenario, one function per step, run in the order of `stepNames`. */
const steps = {
  create: createStep,
  cancel: cancelStep,
  finish: finishStep,
  cancelFinished: cancelFinishedStep,
  delete: deleteStep,
  gone: goneStep,
} as const satisfies Record<StepName, Step>;

/**
 * Runs one run type's scenario and reports each step through `emit`:
 *
 * 1. create run A;
 * 2. cancel A while it is cancellable and confirm it ends CANCELLED — or show the documented
 *    refusal when the type has no cancel endpoint;
 * 3. create run B and let it finish (PROCESSED);
 * 4. cancel the finished B: the API must refuse (4xx);
 * 5. delete both (A through `client.<resource>.delete`, B through `client.runs.delete` where its
 *    id prefix routes) — or show that the type has no delete endpoint;
 * 6. read both again: each must be 404.
 *
 * It touches only runs it created. It never throws: a failed step is a `mismatch` verdict, and a
 * type whose live-API inputs are missing is reported `skipped` with nothing sent.
 */
export async function runScenario(
  resource: RunResource,
  env: ScenarioEnv,
  emit: (result: StepResult) => void,
): Promise<void> {
  const driver = createRunTypeDriver(resource, env);
  const state: ScenarioState = { spare: [], deleted: [] };
  const needs = driver.scenario.needs;
  const missing = env.target === "live" ? needs.filter((k) => !env.inputs[k]) : [];
  for (const name of stepNames) {
    const calls: string[] = [];
    const started = performance.now();
    let verdict: Verdict;
    try {
      verdict =
        missing.length > 0
          ? {
              outcome: "skipped",
              summary: `needs ${missing.join(", ")}`,
              detail: "Set the matching EXTEND_SAMPLE_* variable to run this type on the live API.",
            }
          : await steps[name](driver, state, calls);
    } catch (error) {
      verdict = { outcome: "mismatch", summary: "error", detail: describeError(error) };
    }
    const ms = Math.round(performance.now() - started);
    emit({ runType: resource, step: name, ...verdict, calls, ms });
  }
}
