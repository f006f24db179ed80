import type { FaultScenarioId } from "@extendkit/emulator";
import { afterAll, describe, expect, it } from "vitest";
import { checkDeleteInvariants } from "./check-delete-invariants.ts";
import { matrixRuns } from "./matrix-runs.ts";
import { matrixSeeds } from "./matrix-seeds.ts";
import { runDeleteScenario } from "./run-delete-scenario.ts";
import { watchProcess } from "./watch-process.ts";

const N = matrixRuns(process.env.FAULT_MATRIX_N);
const SEEDS = matrixSeeds(process.env.FAULT_MATRIX_SEEDS);

/**
 * Registers one test per scenario × seed: `deleteMany` of N runs (1,000; `FAULT_MATRIX_N`) against the emulator with the
 * scenario installed, then invariants I1–I8. Prints a table of the outcomes when the file is done.
 * (Split over two files so that CI's two cores share the matrix.)
 */
export function describeDeleteMatrix(scenarios: readonly FaultScenarioId[]): void {
  const rows: string[] = [];
  const watcher = watchProcess();
  afterAll(() => {
    console.log(
      [
        "scenario seed | deleted absent notFound failed notAttempted | requests jobs virtual-s real-ms",
        ...rows,
      ].join("\n"),
    );
    expect(watcher.unhandled()).toEqual([]);
    watcher.stop();
  });
  describe.each(scenarios)(
    `%s: deleteMany of ${N.toLocaleString("en")} runs against the emulator`,
    (scenario) => {
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
      );
    },
  );
}
