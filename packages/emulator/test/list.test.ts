import { describe, expect, it } from "vitest";
import { setup } from "./helpers.ts";

const names = (r: { body: { data: Array<{ file: { name: string } }> } }) =>
  r.body.data.map((x) => x.file.name);

async function seeded(n = 7) {
  const { emu, call } = setup();
  for (let i = 0; i < n; i++) {
    await call("POST", "/extract_runs", {
      extractor: { id: i % 2 ? "ex_odd" : "ex_even" },
      file: { url: `https://f.test/doc-${i}.pdf` },
    });
    await emu.clock.advance(10);
  }
  return { emu, call };
}

describe("list: filters, sort, pagination", () => {
  it("defaults: newest first (updatedAt desc), 20 per page, no token on the last page", async () => {
    const { call } = await seeded(3);
    const res = await call("GET", "/extract_runs");
    expect(names(res)).toEqual(["doc-2.pdf", "doc-1.pdf", "doc-0.pdf"]);
    expect(res.body).not.toHaveProperty("nextPageToken");
  });

  it("sortBy/sortDir", async () => {
    const { call } = await seeded(3);
    expect(names(await call("GET", "/extract_runs?sortBy=createdAt&sortDir=asc"))).toEqual([
      "doc-0.pdf",
      "doc-1.pdf",
      "doc-2.pdf",
    ]);
  });

  it("pages through nextPageToken; tokens hold + / = : and must be URL-encoded", async () => {
    const { call } = await seeded(7);
    const seen: string[] = [];
    let token: string | undefined;
    for (let i = 0; i < 10; i++) {
      const q = `maxPageSize=3&sortDir=asc${token ? `&nextPageToken=${encodeURIComponent(token)}` : ""}`;
      const page = await call("GET", `/extract_runs?${q}`);
      expect(page.status).toBe(200);
      seen.push(...names(page));
      token = page.body.nextPageToken;
      if (!token) break;
      expect(token).toMatch(/\+/);
      expect(token).toMatch(/\//);
      expect(token).toMatch(/=/);
      expect(token).toContain(":");
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `doc-${i}.pdf`));
    const first = await call("GET", "/extract_runs?maxPageSize=3");
    const raw = await call(
      "GET",
      `/extract_runs?maxPageSize=3&nextPageToken=${first.body.nextPageToken}`,
    );
    expect(raw.status).toBe(400);
    expect(raw.body.code).toBe("INVALID_REQUEST");
  });

  it("cursor pagination skips nothing when runs are deleted between pages", async () => {
    const { call } = await seeded(6);
    const first = await call("GET", "/extract_runs?maxPageSize=2&sortDir=asc");
    for (const run of first.body.data) await call("DELETE", `/extract_runs/${run.id}`);
    const second = await call(
      "GET",
      `/extract_runs?maxPageSize=2&sortDir=asc&nextPageToken=${encodeURIComponent(first.body.nextPageToken)}`,
    );
    expect(names(second)).toEqual(["doc-2.pdf", "doc-3.pdf"]);
  });

  it("filters: processor id, status, fileNameContains, batchId, source, sourceId", async () => {
    const { emu, call } = await seeded(4);
    expect(names(await call("GET", "/extract_runs?extractorId=ex_odd&sortDir=asc"))).toEqual([
      "doc-1.pdf",
      "doc-3.pdf",
    ]);
    expect(names(await call("GET", "/extract_runs?fileNameContains=doc-2"))).toEqual(["doc-2.pdf"]);
    expect((await call("GET", "/extract_runs?status=PROCESSED")).body.data).toHaveLength(0);
    await emu.clock.advance(2000);
    expect((await call("GET", "/extract_runs?status=PROCESSED")).body.data).toHaveLength(4);
    const batch = await call("POST", "/extract_runs/batch", {
      extractor: { id: "ex_b" },
      inputs: [{ file: { url: "https://f.test/b.pdf" } }],
    });
    expect(names(await call("GET", `/extract_runs?batchId=${batch.body.id}`))).toEqual(["b.pdf"]);
    expect(names(await call("GET", "/extract_runs?source=BATCH_PROCESSOR_RUN"))).toEqual(["b.pdf"]);
    expect(names(await call("GET", `/extract_runs?sourceId=${batch.body.id}`))).toEqual(["b.pdf"]);
    expect((await call("GET", "/extract_runs?source=API")).body.data).toHaveLength(4);
  });

  it("parse list: batchId takes precedence over source", async () => {
    const { call } = setup();
    const batch = await call("POST", "/parse_runs/batch", {
      inputs: [{ file: { url: "https://f.test/p.pdf" } }],
    });
    await call("POST", "/parse_runs", { file: { url: "https://f.test/q.pdf" } });
    const res = await call("GET", `/parse_runs?batchId=${batch.body.id}&source=API`);
    expect(names(res)).toEqual(["p.pdf"]);
  });

  it("a closed filter enum refuses unknown values (400)", async () => {
    const { call } = setup();
    expect((await call("GET", "/extract_runs?status=ARCHIVED")).status).toBe(400);
    expect((await call("GET", "/parse_runs?status=CANCELLED")).status).toBe(400);
    expect((await call("GET", "/extract_runs?sortBy=name")).status).toBe(400);
  });

  it("maxPageSize above the maximum is clamped", async () => {
    const { call } = await seeded(3);
    const { emu } = setup();
    expect(emu.switches.maxPageSize).toBe(100);
    expect((await call("GET", "/extract_runs?maxPageSize=1000")).body.data).toHaveLength(3);
  });

  it("runs of other kinds and workspaces never show", async () => {
    const { call } = await seeded(2);
    await call("POST", "/parse_runs", { file: { url: "https://f.test/x.pdf" } });
    expect((await call("GET", "/extract_runs")).body.data).toHaveLength(2);
  });

  it("legacy list: {success, processorRuns} of extract, classify and split runs, processorType filter", async () => {
    const { call } = setup();
    await call("POST", "/extract_runs", {
      extractor: { id: "ex_1" },
      file: { url: "https://f.test/a.pdf" },
    });
    await call("POST", "/classify_runs", {
      classifier: { id: "cl_1" },
      file: { url: "https://f.test/b.pdf" },
    });
    await call("POST", "/parse_runs", { file: { url: "https://f.test/c.pdf" } });
    const all = await call("GET", "/processor_runs");
    expect(all.body.success).toBe(true);
    expect(all.body.processorRuns.map((r: { type: string }) => r.type).sort()).toEqual([
      "CLASSIFY",
      "EXTRACT",
    ]);
    const only = await call("GET", "/processor_runs?processorType=CLASSIFY");
    expect(only.body.processorRuns).toHaveLength(1);
    expect(only.body.processorRuns[0].processorId).toBe("cl_1");
  });
});
