import { describe, expect, it } from "vitest";
import { bulkDeleteLoop, generateIds } from "../src/bulk-delete-loop.ts";
import { roundOrder } from "../src/interleave.ts";
import { createLeanTransport } from "../src/prototypes/lean-transport.ts";
import { median, ratio } from "../src/stats.ts";
import { createStubFetch } from "../src/stub-fetch.ts";
import { normalizeRules, renderTable } from "../src/table.ts";

describe("bulkDeleteLoop", () => {
  it("deletes every id exactly once with at most `concurrency` in flight", async () => {
    const seen: string[] = [];
    let inFlight = 0;
    let peak = 0;
    const report = await bulkDeleteLoop(generateIds(200), 16, async (id) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(id);
      inFlight--;
    });
    expect(report).toEqual({ deleted: 200, failed: 0, errors: [] });
    expect(new Set(seen).size).toBe(200);
    expect(peak).toBe(16);
  });

  it("counts failures instead of rejecting, keeping a few messages", async () => {
    const report = await bulkDeleteLoop(["a", "b", "c", "d", "e", "f", "g"], 3, async (id) => {
      if (id !== "a") throw new Error(`no ${id}`);
    });
    expect(report.deleted).toBe(1);
    expect(report.failed).toBe(6);
    expect(report.errors).toHaveLength(5);
  });

  it("pulls ids lazily: never more than `concurrency` ahead of the deletes", async () => {
    let produced = 0;
    let done = 0;
    let maxAhead = 0;
    async function* ids() {
      for (let i = 0; i < 100; i++) {
        produced++;
        maxAhead = Math.max(maxAhead, produced - done);
        yield `exr_${i}`;
      }
    }
    await bulkDeleteLoop(ids(), 4, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      done++;
    });
    expect(produced).toBe(100);
    expect(maxAhead).toBeLessThanOrEqual(5);
  });
});

describe("stub fetch", () => {
  it("answers with the id it was asked about, from a Request or from (url, init)", async () => {
    const stub = createStubFetch({ macrotask: true });
    const cancelled = await (
      await stub.fetch(new Request("http://s/extract_runs/exr_a%2Bb/cancel", { method: "POST" }))
    ).json();
    const deleted = await (
      await stub.fetch("http://s/extract_runs/exr_c", { method: "DELETE" })
    ).json();
    expect(cancelled).toMatchObject({ id: "exr_a+b", status: "CANCELLED" });
    expect(deleted).toEqual({ id: "exr_c" });
    expect((await stub.fetch("http://s/extract_runs/exr_c")).status).toBe(404);
    expect(stub.counts).toEqual({ POST: 1, DELETE: 1, other: 1 });
  });
});

describe("interleaving and statistics", () => {
  it("rotates the order so each contender leads once per cycle", () => {
    expect([0, 1, 2, 3].map((r) => roundOrder(["a", "b", "c"], r).join(""))).toEqual([
      "abc",
      "bca",
      "cab",
      "abc",
    ]);
  });

  it("takes medians and guards ratios", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
    expect(ratio(3, 2)).toBe(1.5);
    expect(Number.isNaN(ratio(1, 0))).toBe(true);
  });
});

describe("lean transport prototype (section 2 reference row)", () => {
  it("sends a cancel and a delete with credentials, and refuses an answer about another run", async () => {
    const stub = createStubFetch({ record: true });
    const api = createLeanTransport({ fetch: stub.fetch, baseUrl: "http://s", apiKey: "sk_b" });
    await api.cancel("exr_1");
    await api.delete("exr_1");
    expect(stub.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      "POST http://s/extract_runs/exr_1/cancel",
      "DELETE http://s/extract_runs/exr_1",
    ]);
    expect(stub.calls[0]?.headers.get("authorization")).toBe("Bearer sk_b");

    const liar = createLeanTransport({
      fetch: async () => Response.json({ id: "exr_other" }),
      baseUrl: "http://s",
      apiKey: "sk_b",
    });
    await expect(liar.delete("exr_1")).rejects.toThrow(/another run/);
    await expect(api.delete("../x")).rejects.toThrow();
  });
});

describe("tables", () => {
  it("writes rules the way Biome formats Markdown, and fixes older ones", () => {
    const table = renderTable(["a", "bb"], [["1", "2"]]);
    expect(table.split("\n")).toEqual(["| a   | bb  |", "| --- | --- |", "| 1   | 2   |"]);
    expect(normalizeRules("x\n|-------|----|\ny")).toBe("x\n| ----- | --- |\ny");
  });
});

describe("CHILD_ENV", () => {
  it("is this environment without Node's NODE_* variables, which would change the baseline", async () => {
    const saved = { ...process.env };
    process.env.NODE_EXTRA_CA_CERTS = "/nonexistent/ca.pem";
    process.env.NODE_OPTIONS = "--require /nonexistent/preload.cjs";
    try {
      // Computed when the module loads: load it while both are set.
      const { CHILD_ENV } = await import("../src/child-env.ts");
      expect(Object.keys(CHILD_ENV).filter((name) => name.startsWith("NODE_"))).toEqual([]);
      expect(CHILD_ENV.PATH).toBe(process.env.PATH);
    } finally {
      for (const name of ["NODE_EXTRA_CA_CERTS", "NODE_OPTIONS"]) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
  });
});
