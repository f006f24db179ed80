import type { FaultScenarioId } from "@extendkit/emulator";
import { afterAll, describe, expect, it } from "vitest";
import { matrixSeeds } from "../src/matrix-seeds.ts";
import { runSingleCalls } from "../src/run-single-calls.ts";
import { watchProcess } from "../src/watch-process.ts";

// The resource methods' own contract under the transport faults (not the bulk helpers'): a call
// that resolved took effect, and a call that failed says `outcomeUnknown` whenever it may have.
// F20 (every fault at once) found a DELETE whose lost answer was followed by 429s until retries ran
// out: it failed with a plain RateLimitError although the run was gone.
const SCENARIOS: FaultScenarioId[] = ["F02", "F05", "F07", "F11", "F12", "F16", "F17", "F20"];
const watcher = watchProcess();
afterAll(() => {
  expect(watcher.unhandled()).toEqual([]);
  watcher.stop();
});

// Each call goes through one subject: the full client's `client.runs.<verb>`, or the tiny client
// (`createTinyClient`, with its own compact retry loop) at the run's resource, under the same
// scenarios, seeds and invariants. The full client's test names are as they were.
const SUBJECTS = [
  { subject: "runs", label: "client.runs" },
  { subject: "tiny", label: "createTinyClient: <resource>" },
] as const;
const CASES = SUBJECTS.flatMap(({ subject, label }) =>
  (["delete", "cancel"] as const).map((verb) => [`${label}.${verb}`, subject, verb] as const),
);

describe.each(CASES)("%s, one call per run", (_label, subject, verb) => {
  describe.each(SCENARIOS)("%s: 200 runs, 8 calls at a time", (scenario) => {
    it.each(matrixSeeds(process.env.FAULT_MATRIX_SEEDS))(
      "seed %i: every resolved call took effect; every failure that may have says so",
      async (seed) => {
        expect(await runSingleCalls(verb, scenario, seed, 200, subject)).toEqual([]);
      },
      120_000,
    );
  });
});
