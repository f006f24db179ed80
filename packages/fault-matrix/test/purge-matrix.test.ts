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
      // I3: each pass's counts add up to the IDs it was given.
      for (const p of passes) {
        const c = p.counts;
        expect(c.deleted + c.alreadyAbsent + c.notFound + c.failed + c.notAttempted).toBe(p.total);
      }
      expect(view.retryAfterViolations).toBe(0);
      // I6: bounded amplification (lists and deletes together), every request the client sent seen.
      const requests = emulator.records.requests;
      expect(requests.length).toBeLessThanOrEqual(10 * targets.length);
      expect(requests.length).toBe(view.sent);
      // I7: never more than deleteMany's default 8 in flight.
      expect(emulator.records.maxInFlight).toBeLessThanOrEqual(8);
      // I8: only lists, reads of seeded runs (find reads each workflow run: its list items carry
      // no metadata) and deletes of targets.
      const targetSet = new Set(targets);
      const seeded = new Set([...targets, ...bystanders]);
      const idOf = (path: string) => decodeURIComponent(path.split("?")[0]?.split("/")[2] ?? "");
      const stray = requests.filter((r) => {
        const op = r.operationId ?? "";
        if (op.endsWith(".list")) return false;
        if (op.endsWith(".retrieve")) return !seeded.has(idOf(r.path));
        return !(op.endsWith(".delete") && targetSet.has(idOf(r.path)));
      });
      expect(stray.map((r) => `${r.method} ${r.path}`)).toEqual([]);
      console.log(
        `F18 ${seed} | passes ${passes.map((p) => p.total).join("+")} | requests ${emulator.records.requests.length}`,
      );
    },
    120_000,
  );
});
