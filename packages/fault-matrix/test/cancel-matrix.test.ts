import type { FaultScenarioId } from "@extendkit/emulator";
import { afterAll, describe, expect, it } from "vitest";
import { checkCancelInvariants } from "../src/check-cancel-invariants.ts";
import { matrixSeeds } from "../src/matrix-seeds.ts";
import { runCancelScenario } from "../src/run-cancel-scenario.ts";
import { watchProcess } from "../src/watch-process.ts";

// I11 names F11 (answer lost after the cancel applied) and F17 (cancel races completion); F20 adds
// every other transport fault on top.
const SCENARIOS: FaultScenarioId[] = ["F11", "F17", "F20"];
const rows: string[] = [];
const watcher = watchProcess();
afterAll(() => {
  console.log(
    ["scenario seed | cancelled terminal notFound failed | requests", ...rows].join("\n"),
  );
  expect(watcher.unhandled()).toEqual([]);
  watcher.stop();
});

describe.each(SCENARIOS)(
  "%s: cancelMany of 1,000 running runs against the emulator",
  (scenario) => {
    it.each(matrixSeeds(process.env.FAULT_MATRIX_SEEDS))(
      `${scenario} seed %i: I11 — cancelled only when CANCELLED, no double cancel`,
      async (seed) => {
        const result = await runCancelScenario(scenario, seed, 1000);
        const c = result.report.counts;
        rows.push(
          `${scenario} ${seed} | ${c.cancelled} ${c.alreadyTerminal} ${c.notFound} ${c.failed} | ${result.emulator.records.requests.length}`,
        );
        expect(checkCancelInvariants(result)).toEqual([]);
      },
      120_000,
    );
  },
);
