import type { RunResource } from "../run-resource.ts";
import type { StepResult } from "../step-result.ts";
import type { Target } from "./read-target.ts";
import type { RuntimeName } from "./runtime-name.ts";

/** What the host gives a runtime launcher. */
export interface LaunchContext {
  target: Target;
  /** The run types to drive, in order. */
  only: readonly RunResource[];
  /** Called for each step as the runtime reports it. */
  emit(result: StepResult): void;
}

/**
 * Starts one runtime, runs the sample in it, and resolves once it has reported every step. Rejects
 * when the runtime itself fails (cannot start, crashes, stops reporting); step mismatches are
 * reported through `emit`, not thrown.
 */
export type Launch = (context: LaunchContext) => Promise<void>;

/** Each launcher is loaded on demand, so `--runtime node` never loads Chromium or workerd tooling. */
export const launchers: Record<RuntimeName, () => Promise<Launch>> = {
  node: async () => (await import("./launch-node.ts")).launchNode,
  deno: async () => (await import("./launch-deno.ts")).launchDeno,
  workers: async () => (await import("./launch-workers.ts")).launchWorkers,
  browser: async () => (await import("./launch-browser.ts")).launchBrowser,
};
