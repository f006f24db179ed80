import {
  createClient,
  InvalidArgumentError,
  PaginationError,
  parseDuration,
} from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { createVirtualClock } from "./helpers/bulk-clock.ts";
import { createFakeRunsServer, seedRuns } from "./helpers/fake-runs-server.ts";

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

function setup(runs = seedRuns(30)) {
  // The clock reads 2026-03-01; runs were created a minute apart from 2026-01-01.
  const clock = createVirtualClock();
  const server = createFakeRunsServer({ clock, runs, pageSize: 7 });
  const client = createClient({
    apiKey: "sk_test_find",
    baseUrl: "https://api.extend.test",
    fetch: server.fetch,
    clock,
  });
  return { server, client, clock };
}

describe("client.runs.find", () => {
  it("yields runs older than the cutoff, across pages, each once", async () => {
    const { client, clock } = setup();
    const cutoff = Date.parse("2026-01-01T00:10:00Z");
    const found = await clock.run(
      collect(client.runs.find({ types: ["extract"], createdBefore: cutoff, maxPageSize: 3 })),
    );
    expect(found.map((r) => r.id)).toEqual(seedRuns(10).map((r) => r.id));
    expect(found.every((r) => r.type === "extract" && r.status === "PROCESSED")).toBe(true);
  });

  it("olderThan is relative to the clock; metadata and status filters apply", async () => {
    const runs = seedRuns(10).map((r, i) => ({ ...r, status: i < 6 ? "PROCESSED" : "FAILED" }));
    const { client, clock } = setup(runs);
    const found = await clock.run(
      collect(
        client.runs.find({
          types: ["extract"],
          olderThan: "30d",
          status: ["PROCESSED"],
          metadata: { tenant: "acme" },
        }),
      ),
    );
    expect(found.map((r) => r.id)).toEqual(["exr_000000", "exr_000002", "exr_000004"]);
  });

  it("reads workflow runs in full when the summary carries no metadata", async () => {
    const runs = seedRuns(4, "workflow_run_");
    const { server, clock } = setup(runs);
    const list = server.fetch;
    // Summaries without metadata, as the spec says for workflow runs.
    const stripped = async (request: Request) => {
      const response = await list(request);
      const url = new URL(request.url);
      if (request.method !== "GET" || url.pathname !== "/workflow_runs") return response;
      const body = (await response.json()) as { data: Record<string, unknown>[] };
      for (const run of body.data) delete run.metadata;
      return Response.json(body);
    };
    const client2 = createClient({
      apiKey: "sk_test_find",
      baseUrl: "https://api.extend.test",
      fetch: stripped,
      clock,
    });
    const found = await clock.run(
      collect(client2.runs.find({ types: ["workflow"], metadata: { tenant: "globex" } })),
    );
    expect(found.map((r) => r.id)).toEqual(["workflow_run_000001", "workflow_run_000003"]);
    expect(server.log.filter((r) => r.path.startsWith("/workflow_runs/"))).toHaveLength(4);
  });

  it("PG2: a page token that keeps coming back ends the listing with a PaginationError, after 8 re-asks", async () => {
    const clock = createVirtualClock();
    let hits = 0;
    const fetch = async () => {
      hits++;
      return Response.json({ object: "list", data: [], nextPageToken: "same" });
    };
    const client = createClient({ apiKey: "sk_test_find", fetch, clock });
    const error = await clock
      .run(collect(client.runs.find({ types: ["parse"] })))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ reason: "repeated-token" });
    expect((error as Error).message).toMatch(
      /^GET \/parse_runs: page \d+ repeated a nextPageToken/,
    );
    // The first page hands out "same"; each later page repeats it: 1 + 1 + 8 re-asks.
    expect(hits).toBe(10);
  });

  it("PG2: a page repeated a few times in a row (a glitch) is asked again after a backoff, and the listing goes on", async () => {
    const clock = createVirtualClock();
    const asked: { token: string | null; at: number }[] = [];
    const fetch = async (request: Request) => {
      const token = new URL(request.url).searchParams.get("nextPageToken");
      asked.push({ token, at: clock.now() });
      if (token === null) return Response.json({ object: "list", data: [], nextPageToken: "p2" });
      // Page 2 comes back as itself four times, then moves on to the end of the list.
      const repeatsSoFar = asked.filter((a) => a.token === "p2").length;
      return repeatsSoFar <= 4
        ? Response.json({ object: "list", data: [], nextPageToken: "p2" })
        : Response.json({ object: "list", data: [] });
    };
    const client = createClient({ apiKey: "sk_test_find", fetch, clock, random: () => 0.5 });
    await expect(clock.run(collect(client.runs.find({ types: ["parse"] })))).resolves.toEqual([]);
    expect(asked.map((a) => a.token)).toEqual([null, "p2", "p2", "p2", "p2", "p2"]);
    // Full-jitter backoff between re-asks (random 0.5: 250, 500, 1000, 2000 ms).
    const gaps = asked.slice(2).map((a, i) => a.at - (asked[i + 1]?.at ?? 0));
    expect(gaps).toEqual([250, 500, 1000, 2000]);
  });

  it("rejects contradictory or unknown filters", async () => {
    const { client } = setup();
    await expect(client.runs.find({ types: ["edit" as never] }).next()).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(client.runs.find({ types: ["parse"], workflowId: "wf_1" }).next()).rejects.toThrow(
      /workflowId/,
    );
  });
});

describe("parseDuration", () => {
  it("reads units and combinations, and rejects anything else", () => {
    expect(parseDuration("30d")).toBe(30 * 86_400_000);
    expect(parseDuration("1d12h")).toBe(36 * 3_600_000);
    expect(parseDuration("90m")).toBe(5_400_000);
    expect(parseDuration("2w")).toBe(14 * 86_400_000);
    expect(parseDuration("500ms")).toBe(500);
    for (const bad of ["", "0d", "30", "d", "30 days", "-1d", "1.5.5h", "1y"]) {
      expect(() => parseDuration(bad)).toThrow(InvalidArgumentError);
    }
  });
});
