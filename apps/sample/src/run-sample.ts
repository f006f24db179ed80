import { type RunResource, runResources } from "./run-resource.ts";
import { runScenario } from "./run-scenario.ts";
import type { ScenarioEnv } from "./scenario-env.ts";
import type { StepResult } from "./step-result.ts";

/**
 * Runs the scenario of every run type (or of `only`) and reports each step through `emit`. With a
 * virtual clock the types run one after another, because a tick moves every run in the emulator;
 * with a real clock they run concurrently. Never throws for a failed step: steps report mismatches.
 */
export async function runSample(
  env: ScenarioEnv,
  emit: (result: StepResult) => void,
  only: readonly RunResource[] = runResources,
): Promise<void> {
  if (env.time.kind === "virtual") {
    for (const resource of only) await runScenario(resource, env, emit);
  } else {
    await Promise.all(only.map((resource) => runScenario(resource, env, emit)));
  }
}
