import type { RoutedClient } from "@extendkit/core";
import type { SampleInputs } from "./sample-inputs.ts";

/**
 * How time passes for the runs while the sample waits on them.
 *
 * - `virtual`: the emulator runs in this process on a virtual clock; waiting means advancing that
 *   clock by `stepMs` between reads (at most `maxSteps` times). A step moves every run, so run
 *   types go one after another.
 * - `real`: wall-clock time (a served emulator, or the live API); waiting is the client's own
 *   `waitFor` (first delay `interval`, giving up after `timeout`), and run types go concurrently.
 */
export type SampleTime =
  | { kind: "virtual"; advance(ms: number): Promise<void>; stepMs: number; maxSteps: number }
  | { kind: "real"; interval: number; timeout: number };

/** Where the runs live, and how time passes for them. Built by each runtime's entry. */
export interface ScenarioEnv {
  client: RoutedClient;
  inputs: SampleInputs;
  /**
   * `emulator`: every step must come out exactly as documented. `live`: a run may finish before
   * the sample cancels it; that is reported as the documented refusal, not as a mismatch.
   */
  target: "emulator" | "live";
  time: SampleTime;
}
