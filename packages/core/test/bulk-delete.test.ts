import {
  BulkIntegrityError,
  type ClientOptions,
  createClient,
  type DeleteManyProgress,
  type DeleteManyReport,
  InvalidArgumentError,
} from "@extendkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createVirtualClock, seededRandom, type VirtualClock } from "./helpers/bulk-clock.ts";
import {
  createFakeRunsServer,
  type FakeServerOptions,
  seedRuns,
} from "./helpers/fake-runs-server.ts";

const API_KEY = "sk_test_canary_bulk_delete";
let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on("unhandledRejection", onUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
});

function setup(options: Omit<FakeServerOptions, "clock">, extra: Partial<ClientOptions> = {}) {
  const clock: VirtualClock = createVirtualClock();
  const server = createFakeRunsServer({ clock, ...options });
  const client = createClient({
    ...extra,
    apiKey: API_KEY,
    baseUrl: "https://api.extend.test",
    fetch: server.fetch,
    clock,
    random: seededRandom(7),
  });
  return { server, client, clock };
}

/** Every ID of the report's lists, once: the report adds up (I3). */
function expectAddsUp(report: DeleteManyReport) {
  const ids = [
    ...report.deleted,
    ...report.alreadyAbsent,
    ...report.notFound,
    ...report.failed.map((f) => f.id),
    ...report.notAttempted,
  ];
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(report.total);
  const c = report.counts;
  expect(c.deleted + c.alreadyAbsent + c.notFound + c.failed + c.notAttempted).toBe(c.total);
  expect(c.deleted).toBe(report.deleted.length);
  expect(c.failed).toBe(report.failed.length);
}

describe("client.runs.deleteMany", () => {
  it("deletes every run once, de-duplicates IDs and reports counts that add up", async () => {
    const runs = seedRuns(50);
    const { server, client, clock } = setup({ runs, latency: 20 });
    const ids = runs.map((r) => r.id);
    const report = await clock.run(
      client.runs.deleteMany([...ids, ...ids.slice(0, 10), { id: ids[0] as string }]),
    );
    expectAddsUp(report);
    expect(report.counts).toEqual({
      total: 50,
      deleted: 50,
      alreadyAbsent: 0,
      notFound: 0,
      failed: 0,
      notAttempted: 0,
    });
    expect(report.duplicates).toBe(11);
    expect(report.ok).toBe(true);
    expect(report.requests).toBe(50);
    expect(server.runs.size).toBe(0);
    expect([...server.deleteEffects.values()].every((n) => n === 1)).toBe(true);
  });

  it("reads IDs lazily from an async iterable and objects with an id", async () => {
    const runs = seedRuns(20);
    const { server, client, clock } = setup({ runs });
    async function* source() {
      for (const run of runs) yield { id: run.id };
    }
    const report = await clock.run(client.runs.deleteMany(source()));
    expect(report.counts.deleted).toBe(20);
    expect(report.sourceExhausted).toBe(true);
    expect(server.runs.size).toBe(0);
  });

  it("B2: a 404 on the first attempt is notFound; B1: a 404 after a lost answer is alreadyAbsent", async () => {
    const runs = seedRuns(4);
    const [a, b] = runs.map((r) => r.id) as [string, string];
    const { server, client, clock } = setup({
      runs: runs.slice(1),
      fault: ({ id, attempt }) => (id === b && attempt === 1 ? { reset: "after" } : undefined),
    });
    const report = await clock.run(client.runs.deleteMany(runs.map((r) => r.id)));
    expectAddsUp(report);
    expect(report.notFound).toEqual([a]);
    expect(report.alreadyAbsent).toEqual([b]);
    expect(server.deleteEffects.get(b)).toBe(1);
    expect(report.counts.deleted).toBe(2);
  });

  it("B8: a 2xx naming another run is failed, never deleted", async () => {
    const runs = seedRuns(3);
    const bad = runs[1]?.id;
    const { client, clock } = setup({
      runs,
      fault: ({ id }) => (id === bad ? { mismatch: true } : undefined),
    });
    const report = await clock.run(client.runs.deleteMany(runs.map((r) => r.id)));
    expectAddsUp(report);
    expect(report.deleted).not.toContain(bad);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.id).toBe(bad);
    expect(report.failed[0]?.retryable).toBe(false);
    const error = report.failed[0]?.error as Error;
    expect(error instanceof BulkIntegrityError || error.name === "ResponseError").toBe(true);
  });

  it("D2: a 200 HTML page is never counted as a delete; the retry settles it", async () => {
    const runs = seedRuns(2);
    const [a, b] = runs.map((r) => r.id) as [string, string];
    const { server, client, clock } = setup({
      runs,
      fault: ({ id, attempt }) =>
        attempt > 1
          ? undefined
          : id === a
            ? { html: "after" }
            : id === b
              ? { html: "before" }
              : undefined,
    });
    const report = await clock.run(client.runs.deleteMany([a, b]));
    expectAddsUp(report);
    expect(report.alreadyAbsent).toEqual([a]);
    expect(report.deleted).toEqual([b]);
    expect(server.deleteEffects.get(a)).toBe(1);
    expect(server.deleteEffects.get(b)).toBe(1);
  });

  it("I8: hostile or unroutable IDs fail with InvalidArgumentError and send nothing", async () => {
    const { server, client, clock } = setup({ runs: [] });
    const hostile = [
      "",
      ".",
      "..",
      "exr_1/../x",
      "exr_1?x=1",
      " exr_1",
      "sgr_form",
      "bpr_batch",
      "nope_1",
    ];
    const report = await clock.run(client.runs.deleteMany([...hostile, 42 as unknown as string]));
    expectAddsUp(report);
    expect(report.counts.failed).toBe(hostile.length + 1);
    expect(
      report.failed.every((f) => f.error instanceof InvalidArgumentError && f.attempts === 0),
    ).toBe(true);
    expect(server.log).toHaveLength(0);
  });

  it("I5: after a 429 with Retry-After no request arrives before the advertised time", async () => {
    const runs = seedRuns(40);
    const { server, client, clock } = setup({
      runs,
      latency: 10,
      fault: ({ now }) =>
        now < Date.parse("2026-03-01T00:00:05Z")
          ? { respond: { status: 429, headers: { "retry-after": "2" } } }
          : undefined,
    });
    const report = await clock.run(client.runs.deleteMany(runs.map((r) => r.id)));
    expectAddsUp(report);
    expect(report.counts.deleted).toBe(40);
    expect(server.earlyRequests).toBe(0);
    // The whole job paused together: only the requests already in flight met the storm each time.
    expect(server.log.length).toBeLessThan(40 + 8 * 4);
  });

  it("stops on a Retry-After longer than maxRetryAfter and reports the rest as not attempted", async () => {
    const runs = seedRuns(30);
    const { server, client, clock } = setup({
      runs,
      fault: ({ attempt, id }) =>
        id === runs[3]?.id && attempt === 1
          ? { respond: { status: 429, headers: { "retry-after": "3600" } } }
          : undefined,
    });
    const report = await clock.run(
      client.runs.deleteMany(
        runs.map((r) => r.id),
        { concurrency: 1 },
      ),
    );
    expectAddsUp(report);
    expect(report.stopped?.reason).toBe("rate-limited");
    expect(report.stopped).toMatchObject({
      resumeAt: Date.parse("2026-03-01T00:00:00Z") + 3_600_000,
    });
    expect(report.counts).toMatchObject({ deleted: 3, failed: 0, notAttempted: 27 });
    expect(report.ok).toBe(false);
    expect(server.earlyRequests).toBe(0);
  });

  it("CC6 / I9: an abort halfway sends nothing more and reports the rest as not attempted", async () => {
    const runs = seedRuns(200);
    const { server, client, clock } = setup({ runs, latency: 100 });
    const controller = new AbortController();
    let abortedAt = 0;
    const onProgress = (p: DeleteManyProgress) => {
      if (p.counts.total === 100 && abortedAt === 0) {
        abortedAt = clock.now();
        controller.abort(new Error("operator pressed Ctrl-C"));
      }
    };
    const report = await clock.run(
      client.runs.deleteMany(
        runs.map((r) => r.id),
        { signal: controller.signal, onProgress },
      ),
    );
    expectAddsUp(report);
    expect(report.stopped?.reason).toBe("aborted");
    expect(server.log.filter((r) => r.at > abortedAt)).toHaveLength(0);
    expect(report.counts.notAttempted).toBeGreaterThanOrEqual(90);
    expect(report.counts.deleted + report.counts.failed + report.counts.notAttempted).toBe(200);
    // Every run reported deleted is gone, and every not-attempted run is untouched.
    for (const id of report.deleted) expect(server.runs.has(id)).toBe(false);
    for (const id of report.notAttempted) expect(server.deleteEffects.has(id)).toBe(false);
  });

  it("CC3: under sustained 5xx the retry budget runs out and bounds the load", async () => {
    const runs = seedRuns(400);
    const { server, client, clock } = setup({
      runs,
      fault: ({ attempt }) => (attempt % 2 === 1 ? { respond: { status: 500 } } : undefined),
    });
    const report = await clock.run(client.runs.deleteMany(runs.map((r) => r.id)));
    expectAddsUp(report);
    // Retries cost 5 tokens of 500 and successes refund 1: at most 100 + successes / 5 retries.
    expect(server.log.length).toBeLessThanOrEqual(400 + 100 + report.counts.deleted / 5 + 1);
    expect(report.counts.failed).toBeGreaterThan(0);
    expect(report.failed.every((f) => f.retryable)).toBe(true);
    expect(report.deleted.every((id) => server.deleteEffects.get(id) === 1)).toBe(true);
  });

  it("CC1: never more requests in flight than the concurrency", async () => {
    const runs = seedRuns(100);
    const { server, client, clock } = setup({ runs, latency: 50 });
    await clock.run(
      client.runs.deleteMany(
        runs.map((r) => r.id),
        { concurrency: 5 },
      ),
    );
    expect(server.maxInFlight).toBe(5);
    const more = setup({ runs: seedRuns(100), latency: 50 });
    await more.clock.run(more.client.runs.deleteMany(seedRuns(100).map((r) => r.id)));
    expect(more.server.maxInFlight).toBe(8);
  });

  it("a 401 stops the job at once instead of failing every ID", async () => {
    const runs = seedRuns(50);
    const { server, client, clock } = setup({
      runs,
      fault: () => ({
        respond: {
          status: 401,
          body: { code: "UNAUTHORIZED", message: "bad key", retryable: false },
        },
      }),
    });
    const report = await clock.run(
      client.runs.deleteMany(
        runs.map((r) => r.id),
        { concurrency: 2 },
      ),
    );
    expectAddsUp(report);
    expect(report.stopped?.reason).toBe("unauthorized");
    expect(server.log.length).toBeLessThanOrEqual(2);
    expect(report.counts.notAttempted).toBeGreaterThanOrEqual(48);
    expect(JSON.stringify(report.failed.map((f) => String(f.error)))).not.toContain(API_KEY);
  });

  it("calls onStart before the first request and onProgress after each ID; a throwing callback stops the job", async () => {
    const runs = seedRuns(10);
    const { client, clock } = setup({ runs });
    const started: string[] = [];
    const report = await clock.run(
      client.runs.deleteMany(
        runs.map((r) => r.id),
        {
          concurrency: 1,
          onStart: (id) => started.push(id),
          onProgress: (p) => {
            if (p.counts.total === 4) throw new Error("disk full");
          },
        },
      ),
    );
    expectAddsUp(report);
    expect(report.stopped).toMatchObject({ reason: "callback-failed" });
    expect(started).toEqual(runs.slice(0, 4).map((r) => r.id));
    expect(report.counts).toMatchObject({ deleted: 4, notAttempted: 6 });
  });

  it("a failing source stops the job and keeps what was done", async () => {
    const runs = seedRuns(5);
    const { client, clock } = setup({ runs });
    async function* source() {
      yield runs[0]?.id as string;
      yield runs[1]?.id as string;
      throw new Error("list page failed");
    }
    const report = await clock.run(client.runs.deleteMany(source()));
    expectAddsUp(report);
    expect(report.stopped).toMatchObject({ reason: "source-failed" });
    expect(report.counts.deleted).toBe(2);
    expect(report.sourceExhausted).toBe(false);
  });

  it("an ID an earlier job may have sent counts a first 404 as already absent", async () => {
    const { client, clock } = setup({ runs: [] });
    const report = await clock.run(
      client.runs.deleteMany([{ id: "exr_gone", attempted: true }, "exr_never"]),
    );
    expect(report.alreadyAbsent).toEqual(["exr_gone"]);
    expect(report.notFound).toEqual(["exr_never"]);
  });

  it("a stalled answer times out (the client's timeout) and is retried, never hangs", async () => {
    const runs = seedRuns(3);
    const { server, client, clock } = setup(
      {
        runs,
        fault: ({ id, attempt }) =>
          id === runs[0]?.id && attempt === 1 ? { stall: true } : undefined,
      },
      { timeout: 1000 },
    );
    const report = await clock.run(client.runs.deleteMany(runs.map((r) => r.id)));
    expectAddsUp(report);
    expect(report.counts.deleted + report.counts.alreadyAbsent).toBe(3);
    expect(server.deleteEffects.get(runs[0]?.id as string)).toBe(1);
  });

  it("rejects a source that is not iterable and bad options", async () => {
    const { client } = setup({ runs: [] });
    await expect(client.runs.deleteMany(42 as never)).rejects.toThrow(InvalidArgumentError);
    await expect(client.runs.deleteMany([], { concurrency: 0 })).rejects.toThrow(/concurrency/);
    await expect(client.runs.deleteMany([], { maxAttempts: 1.5 })).rejects.toThrow(/maxAttempts/);
  });
});
