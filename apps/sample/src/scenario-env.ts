import type { ExtendClient } from "@extendkit/core";
import type { SampleInputs } from "./sample-inputs.ts";

/** Where the runs live, and how time passes for them. Built by each runtime's entry. */
export interface ScenarioEnv {
  client: ExtendClient;
  inputs: SampleInputs;
  /**
   * `emulator`: every step must come out exactly as documented. `live`: a run may finish before
   * the sample cancels it; that is reported as the documented refusal, not as a mismatch.
   */
  target: "emulator" | "live";
  /**
   * How time passes. `virtual`: `tick()` advances the emulator's clock in-process, so scenarios
   * run one after another (a tick moves every run). `real`: `tick()` sleeps, and run types run
   * concurrently.
   */
  clock: "virtual" | "real";
  /** Lets time pass once: advances the virtual clock, or sleeps a polling interval. */
  tick(): Promise<void>;
  /** Upper bound on ticks while waiting for one status change. */
  maxTicks: number;
}
