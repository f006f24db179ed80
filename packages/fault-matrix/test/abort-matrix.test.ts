import { createRng } from "@extendkit/emulator";
import { afterAll, describe, expect, it } from "vitest";
import { checkDeleteInvariants } from "../src/check-delete-invariants.ts";
import { DELETE_SCENARIOS } from "../src/delete-scenarios.ts";
import { matrixSeeds } from "../src/matrix-seeds.ts";
import { runDeleteScenario } from "../src/run-delete-scenario.ts";
import { watchProcess } from "../src/watch-process.ts";

// Reliability §4.2 I9 ("an abort at a random moment leads to 0 new requests, and the rest reported
// as notAttempted") under every delete scenario. Each scenario × seed runs twice: once to its end,
// which gives its virtual duration D (runs are deterministic, I10), then again with the jobs'
// signal aborted at a seeded random moment in [0, D) — in a request, a retry wait, a rate-limit
// pause or between a stop and its resumption, wherever the run happens to be. After the abort:
// I1–I8 as far as they apply (every ID in one list that matches the ledger, nothing deleted twice,
// bystanders untouched), and I9: the job stopped as aborted, and no request started after it.
// (cc.test.ts CC6 aborts at one fixed point: half the IDs done.)

const N = 400;
const SEEDS = matrixSeeds(process.env.FAULT_MATRIX_SEEDS);

const rows: string[] = [];
const watcher = watchProcess();
afterAll(() => {
  console.log(["scenario seed | abort | deleted absent failed notAttempted", ...rows].join("\n"));
  expect(watcher.unhandled()).toEqual([]);
  watcher.stop();
});

describe.each(DELETE_SCENARIOS)(
  "%s: deleteMany of 400 runs, aborted at a random moment",
  (scenario) => {
    it.each(SEEDS)(
      `${scenario} seed %i: nothing sent after the abort, nothing lost (I9)`,
      async (seed) => {
        const whole = await runDeleteScenario(scenario, seed, N);
        const duration = whole.virtualSeconds * 1000;
        // Seeded per scenario and seed, apart from the emulator's and the client's own streams.
        const at = createRng(seed * 1_000 + Number(scenario.slice(1))).next();
        // A run that takes no virtual time (no latency in the scenario) is aborted after a random
        // number of settled IDs instead.
        const abortAt = duration > 0 ? at * duration : undefined;
        const abortAfter = duration > 0 ? undefined : 1 + Math.floor(at * (N - 1));
        const result = await runDeleteScenario(scenario, seed, N, { abortAt, abortAfter });
        const c = result.report.counts;
        const when =
          abortAt !== undefined
            ? `${(abortAt / 1000).toFixed(1)} s of ${whole.virtualSeconds.toFixed(1)}`
            : `after ${abortAfter} of ${N} settled`;
        rows.push(
          `${scenario} ${seed} | ${when} | ${c.deleted} ${c.alreadyAbsent} ${c.failed} ${c.notAttempted}`,
        );
        expect(result.abortedAt).toBeDefined();
        expect(checkDeleteInvariants(result)).toEqual([]);
      },
    );
  },
);
