import { describe, expect, it } from "vitest";
import { setupSwitchCase } from "../src/setup-switch-case.ts";
import {
  collect,
  failOnUnhandled,
  findAll,
  listAll,
  listOf,
  pagesFor,
  resolved,
  SEEDS,
  seedLists,
  sorted,
} from "../src/switch-matrix-kit.ts";

// The switch matrix (rationale and helpers: src/switch-matrix-kit.ts). This file: lists and
// pagination (Q4, reliability Q5).

failOnUnhandled();

// ---------------------------------------------------------------------------------------------
// Q4 and reliability Q5 — page sizes, parse's page-size parameter, default order, cursor kind and
// the last page. Each list must give every run exactly once and stop.

describe.each([
  { defaultPageSize: 1, maxPageSize: 100 },
  { defaultPageSize: 3, maxPageSize: 100 },
  { defaultPageSize: 20, maxPageSize: 100 },
  { defaultPageSize: 20, maxPageSize: 2 },
  { defaultPageSize: 100, maxPageSize: 100 },
])("defaultPageSize: $defaultPageSize, maxPageSize: $maxPageSize", (setting) => {
  it.each(SEEDS)(
    "seed %i: every list (no page size, or one over the maximum) and find give each run once, in the pages the API cuts",
    async (seed) => {
      const c = setupSwitchCase(setting, seed);
      const runs = seedLists(c, seed, 25);
      for (const [kind, seeded] of runs) {
        const ids = sorted(seeded.map((r) => r.id));
        const plain = await listAll(c, kind);
        expect(sorted(plain.ids), kind).toEqual(ids);
        const size = Math.min(setting.defaultPageSize, setting.maxPageSize);
        expect(plain.requests, kind).toBe(pagesFor(25, size));
        const over = await listAll(c, kind, { maxPageSize: 500 });
        expect(sorted(over.ids), kind).toEqual(ids);
        expect(over.requests, kind).toBe(pagesFor(25, setting.maxPageSize));
      }
      const all = [...runs.values()].flat().map((r) => r.id);
      expect(sorted(await findAll(c))).toEqual(sorted(all));
    },
  );
});

describe.each(["maxPageSize", "limit"] as const)("parsePageSizeParam: %s", (setting) => {
  it.each(SEEDS)(
    "seed %i: a list asking maxPageSize 2 gives each run once, whether or not the API honours it",
    async (seed) => {
      const c = setupSwitchCase({ parsePageSizeParam: setting }, seed);
      for (const [kind, seeded] of seedLists(c, seed, 7)) {
        const listed = await listAll(c, kind, { maxPageSize: 2 });
        expect(sorted(listed.ids), kind).toEqual(sorted(seeded.map((r) => r.id)));
        const ignored = kind === "parseRuns" && setting === "limit";
        expect(listed.requests, kind).toBe(ignored ? 1 : 4);
      }
    },
  );
});

describe.each([
  ["createdAt", "asc"],
  ["createdAt", "desc"],
  ["updatedAt", "asc"],
  ["updatedAt", "desc"],
] as const)("defaultSortBy: %s, defaultSortDir: %s", (by, dir) => {
  it.each(SEEDS)(
    "seed %i: a list without a sort gives each run once; find with createdBefore gives exactly the older runs of every type",
    async (seed) => {
      const c = setupSwitchCase({ defaultSortBy: by, defaultSortDir: dir }, seed);
      const runs = seedLists(c, seed, 9);
      for (const [kind, seeded] of runs) {
        const listed = await listAll(c, kind, { maxPageSize: 2 });
        expect(sorted(listed.ids), kind).toEqual(sorted(seeded.map((r) => r.id)));
      }
      const cutoff = Date.parse("2026-01-01T12:00:00Z");
      const older = [...runs.values()].flat().filter((r) => r.createdAt < cutoff);
      const found = await findAll(c, { createdBefore: cutoff, maxPageSize: 2 });
      expect(sorted(found)).toEqual(sorted(older.map((r) => r.id)));
    },
  );
});

describe.each(["cursor", "offset"] as const)("pagination: %s", (setting) => {
  it.each(SEEDS)(
    "seed %i: list, then deleteMany what was listed: each run listed once, deleted once, none left",
    async (seed) => {
      const c = setupSwitchCase({ pagination: setting }, seed);
      const ids: string[] = [];
      for (const [kind, seeded] of seedLists(c, seed, 7)) {
        const listed = await listAll(c, kind, { maxPageSize: 3 });
        expect(sorted(listed.ids), kind).toEqual(sorted(seeded.map((r) => r.id)));
        ids.push(...listed.ids);
      }
      const report = resolved<{ deleted: string[]; ok: boolean }>(
        await c.settle(c.client.runs.deleteMany(ids)),
        "deleteMany",
      );
      expect(report.ok).toBe(true);
      expect(sorted(report.deleted)).toEqual(sorted(ids));
      for (const id of ids) expect(c.emulator.records.effects(id).deleted, id).toBe(1);
      expect(await findAll(c)).toEqual([]);
    },
  );
});

describe.each(["omit", "emptyString", "emptyPage"] as const)("lastPage: %s", (setting) => {
  it.each(SEEDS)(
    "seed %i: lists of 0, 3 and 7 runs (pages of 3) give each run once and stop after the last page",
    async (seed) => {
      for (const n of [0, 3, 7]) {
        const c = setupSwitchCase({ lastPage: setting }, seed);
        const runs = seedLists(c, seed, n);
        const extra = setting === "emptyPage" && n > 0 ? 1 : 0;
        for (const [kind, seeded] of runs) {
          const where = `${kind}, ${n} runs`;
          const listed = await listAll(c, kind, { maxPageSize: 3 });
          expect(sorted(listed.ids), where).toEqual(sorted(seeded.map((r) => r.id)));
          expect(listed.requests, where).toBe(pagesFor(n, 3) + extra);
          const pages = await collect(c, listOf(c, kind, { maxPageSize: 3 }).pages(), where);
          expect(pages, where).toHaveLength(pagesFor(n, 3) + extra);
        }
        const all = [...runs.values()].flat().map((r) => r.id);
        expect(sorted(await findAll(c)), `${n} runs`).toEqual(sorted(all));
      }
    },
  );
});
