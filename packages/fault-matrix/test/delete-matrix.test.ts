import type { FaultScenarioId } from "@extendkit/emulator";
import { afterAll, describe, expect, it } from "vitest";
import { checkDeleteInvariants } from "../src/check-delete-invariants.ts";
import { runDeleteScenario } from "../src/run-delete-scenario.ts";
import { watchProcess } from "../src/watch-process.ts";

const N = 1000;
const SEEDS = [1, 2, 3, 4, 5];
const SCENARIOS = (process.env.SCENARIOS?.split(",") ?? [
  "F01",
  "F02",
  "F03",
  "F04",
  "F05",
  "F06",
  "F07",
  "F08",
  "F09",
  "F10",
  "F11",
  "F12",
  "F13",
  "F14",
  "F15",
  "F16",
  "F17",
  "F19",
  "F20",
]) as FaultScenarioId[];

const rows: string[] = [];
const process$ = watchProcess();
afterAll(() => {
  console.log(
    [
      "scenario seed | deleted absent notFound failed notAttempted | requests jobs virtual-s real-ms",
      ...rows,
    ].join("\n"),
  );
  expect(process$.unhandled()).toEqual([]);
  process$.stop();
});

describe.each(SCENARIOS)("%s: deleteMany of 1,000 runs against the emulator", (scenario) => {
  it.each(SEEDS)(
    `${scenario} seed %i: 0 lost, 0 double effects, exact counts (I1–I8)`,
    async (seed) => {
      const t = performance.now();
      const result = await runDeleteScenario(scenario, seed, N);
      const c = result.report.counts;
      rows.push(
        `${scenario} ${seed} | ${c.deleted} ${c.alreadyAbsent} ${c.notFound} ${c.failed} ${c.notAttempted} | ${result.emulator.records.requests.length} ${result.jobs} ${result.virtualSeconds.toFixed(0)} ${Math.round(performance.now() - t)}`,
      );
      expect(checkDeleteInvariants(result)).toEqual([]);
    },
    120_000,
  );
});
