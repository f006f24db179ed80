import { describe, expect, it } from "vitest";
import { matrixSeeds } from "../src/matrix-seeds.ts";
import { runPurgeScenario } from "../src/run-purge-scenario.ts";
import { watchProcess } from "../src/watch-process.ts";

describe("F18: purge by listing while the list shifts (offset pages, empty and repeated pages)", () => {
  it.each(matrixSeeds(process.env.FAULT_MATRIX_SEEDS))(
    "F18 seed %i: every matching run deleted exactly once, nothing else touched (PG8)",
    async (seed) => {
      const watcher = watchProcess();
      const { targets, bystanders, passes, emulator, view } = await runPurgeScenario(
        "F18",
        seed,
        1000,
      );
      watcher.stop();
      expect(watcher.unhandled()).toEqual([]);
      expect(passes.at(-1)?.total).toBe(0);
      for (const id of targets) {
        expect(emulator.getRun(id)).toBeUndefined();
        expect(emulator.records.effects(id).deleted).toBe(1);
      }
      for (const id of bystanders) {
        expect(emulator.getRun(id)).toBeDefined();
        expect(emulator.records.effects(id).deleted).toBe(0);
      }
      const deleted = passes.flatMap((p) => p.deleted);
      expect(new Set(deleted).size).toBe(targets.length);
      expect(passes.every((p) => p.counts.failed === 0 && p.ok)).toBe(true);
      expect(view.retryAfterViolations).toBe(0);
      console.log(
        `F18 ${seed} | passes ${passes.map((p) => p.total).join("+")} | requests ${emulator.records.requests.length}`,
      );
    },
    120_000,
  );
});
