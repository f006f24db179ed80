import { type CancelManyReport, createClient, InvalidArgumentError } from "@extendkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createVirtualClock, seededRandom } from "./helpers/bulk-clock.ts";
import {
  createFakeRunsServer,
  type FakeServerOptions,
  seedRuns,
} from "./helpers/fake-runs-server.ts";

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

function setup(options: Omit<FakeServerOptions, "clock">) {
  const clock = createVirtualClock();
  const server = createFakeRunsServer({ clock, ...options });
  const client = createClient({
    apiKey: "sk_test_canary_bulk_cancel",
    baseUrl: "https://api.extend.test",
    fetch: server.fetch,
    clock,
    random: seededRandom(3),
  });
  return { server, client, clock };
}

function expectAddsUp(report: CancelManyReport) {
  const ids = [
    ...report.cancelled,
    ...report.alreadyTerminal.map((t) => t.id),
    ...report.notFound,
    ...report.failed.map((f) => f.id),
    ...report.notAttempted,
  ];
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(report.total);
  const c = report.counts;
  expect(c.cancelled + c.alreadyTerminal + c.notFound + c.failed + c.notAttempted).toBe(c.total);
}

/** I11: nothing counts as cancelled unless the server shows CANCELLED and applied our cancel once. */
function expectCancelledForReal(
  report: CancelManyReport,
  server: ReturnType<typeof setup>["server"],
) {
  for (const id of report.cancelled) {
    expect(server.runs.get(id)?.status).toBe("CANCELLED");
    expect(server.cancelEffects.get(id)).toBe(1);
  }
}

describe("client.runs.cancelMany", () => {
  it("cancels running runs and reports finished ones as already terminal with their status", async () => {
    const runs = seedRuns(6).map((r, i) => ({ ...r, status: i < 4 ? "PROCESSING" : "PROCESSED" }));
    const { server, client, clock } = setup({ runs });
    const report = await clock.run(
      client.runs.cancelMany([...runs.map((r) => r.id), "exr_missing"]),
    );
    expectAddsUp(report);
    expectCancelledForReal(report, server);
    expect(report.counts).toMatchObject({
      cancelled: 4,
      alreadyTerminal: 2,
      notFound: 1,
      failed: 0,
    });
    expect(report.alreadyTerminal.map((t) => t.status)).toEqual(["PROCESSED", "PROCESSED"]);
  });

  it("B3 / I11: a cancel applied with its answer lost is reconciled by reading, not replayed", async () => {
    const runs = seedRuns(3).map((r) => ({ ...r, status: "PROCESSING" }));
    const { server, client, clock } = setup({
      runs,
      fault: ({ method, id, attempt }) =>
        method === "POST" && attempt === 1
          ? id === runs[0]?.id
            ? { reset: "after" }
            : id === runs[1]?.id
              ? { reset: "before" }
              : undefined
          : undefined,
    });
    const report = await clock.run(client.runs.cancelMany(runs.map((r) => r.id)));
    expectAddsUp(report);
    expectCancelledForReal(report, server);
    expect(report.cancelled.sort()).toEqual(runs.map((r) => r.id).sort());
    // The lost-answer run was read back, not cancelled a second time.
    const posts = server.log.filter(
      (r) => r.method === "POST" && r.path.endsWith(`${runs[0]?.id}/cancel`),
    );
    expect(posts).toHaveLength(1);
  });

  it("F17: a run that finishes before the cancel lands is alreadyTerminal, never cancelled", async () => {
    const runs = seedRuns(2).map((r) => ({ ...r, status: "PROCESSING" }));
    const racing = runs[0]?.id as string;
    const { server, client, clock } = setup({
      runs,
      fault: ({ id, method }) => {
        if (id === racing && method === "POST") server.setStatus(racing, "PROCESSED");
        return undefined;
      },
    });
    const report = await clock.run(client.runs.cancelMany(runs.map((r) => r.id)));
    expectAddsUp(report);
    expectCancelledForReal(report, server);
    expect(report.alreadyTerminal).toEqual([{ id: racing, status: "PROCESSED" }]);
  });

  it("D5: a status the spec does not know is reported as is", async () => {
    const runs = seedRuns(1).map((r) => ({ ...r, status: "ARCHIVED" }));
    const { client, clock } = setup({ runs });
    const report = await clock.run(client.runs.cancelMany(runs.map((r) => r.id)));
    expect(report.alreadyTerminal).toEqual([{ id: runs[0]?.id, status: "ARCHIVED" }]);
  });

  it("a run already cancelled by someone else is alreadyTerminal(CANCELLED), not ours", async () => {
    const runs = seedRuns(1).map((r) => ({ ...r, status: "CANCELLED" }));
    const { server, client, clock } = setup({ runs });
    const report = await clock.run(client.runs.cancelMany(runs.map((r) => r.id)));
    expect(report.alreadyTerminal).toEqual([{ id: runs[0]?.id, status: "CANCELLED" }]);
    expect(server.cancelEffects.size).toBe(0);
  });

  it("runs whose type has no cancel fail without a request", async () => {
    const { server, client, clock } = setup({ runs: [] });
    const report = await clock.run(client.runs.cancelMany(["edr_1", "sgr_1"]));
    expect(report.failed.map((f) => f.error instanceof InvalidArgumentError)).toEqual([true, true]);
    expect(server.log).toHaveLength(0);
  });

  it("throttles and transient errors are retried; the report still adds up", async () => {
    const runs = seedRuns(30).map((r) => ({ ...r, status: "PROCESSING" }));
    const { server, client, clock } = setup({
      runs,
      latency: 5,
      fault: ({ attempt, id }) =>
        attempt === 1 && Number(id?.slice(-2)) % 3 === 0
          ? { respond: { status: 503, headers: { "retry-after": "1" } } }
          : attempt === 1 && Number(id?.slice(-2)) % 3 === 1
            ? { respond: { status: 502 } }
            : undefined,
    });
    const report = await clock.run(client.runs.cancelMany(runs.map((r) => r.id)));
    expectAddsUp(report);
    expectCancelledForReal(report, server);
    expect(report.counts.cancelled).toBe(30);
    expect(server.earlyRequests).toBe(0);
  });
});
