import type { RunTypeDriver } from "../run-type-driver.ts";
import type { CreatedRun } from "../run-types.ts";
import type { Verdict } from "../verdict.ts";

/** What the steps of one scenario share: the runs made so far. */
export interface ScenarioState {
  /** Run A: the one the sample cancels. */
  a?: CreatedRun;
  /** Run B: the one the sample lets finish. */
  b?: CreatedRun;
  /** Runs made for a retried cancel (real-clock emulator only); deleted along with A and B. */
  spare: CreatedRun[];
  /** Runs deleted, and whether through `client.runs`. */
  deleted: { id: string; viaRuns: boolean }[];
}

/**
 * One step of the scenario. It records the client methods it calls in `calls` and returns its
 * verdict; anything it throws becomes a `mismatch` verdict in `runScenario`.
 */
export type Step = (
  driver: RunTypeDriver,
  state: ScenarioState,
  calls: string[],
) => Promise<Verdict>;
