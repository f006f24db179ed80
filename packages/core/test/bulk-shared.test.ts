import { createClient, createRetryBudget } from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { createVirtualClock, seededRandom } from "./helpers/bulk-clock.ts";
import { createFakeRunsServer, seedRuns } from "./helpers/fake-runs-server.ts";

describe("CC8: bulk jobs on one client", () => {
  it("CC8: two jobs share one rate limiter: a 429 seen by one pauses the other", async () => {
    const clock = createVirtualClock();
    const t0 = clock.now();
    const runs = [...seedRuns(20, "exr_"), ...seedRuns(20, "pr_")];
    const server = createFakeRunsServer({
      clock,
      runs,
      latency: 10,
      fault: ({ id, attempt }) =>
        id === "exr_000000" && attempt === 1
          ? { respond: { status: 429, headers: { "retry-after": "5" } } }
          : undefined,
    });
    const client = createClient({
      apiKey: "sk_test_cc8",
      fetch: server.fetch,
      clock,
      random: seededRandom(1),
    });
    const [a, b] = await clock.run(
      Promise.all([
        client.runs.deleteMany(
          runs.slice(0, 20).map((r) => r.id),
          { concurrency: 1 },
        ),
        client.runs.deleteMany(
          runs.slice(20).map((r) => r.id),
          { concurrency: 1 },
        ),
      ]),
    );
    expect(a.counts.deleted + b.counts.deleted).toBe(40);
    expect(server.earlyRequests).toBe(0);
    // Job b sent at most the one request already in flight during job a's 5 s pause.
    const during = server.log.filter((r) => r.at > t0 + 10 && r.at < t0 + 5_000);
    expect(during.length).toBeLessThanOrEqual(1);
  });

  it("CC8: two jobs share one retry budget; a job can be given its own", async () => {
    const clock = createVirtualClock();
    const runs = seedRuns(300);
    const server = createFakeRunsServer({
      clock,
      runs,
      fault: () => ({ respond: { status: 500 } }),
    });
    const client = createClient({
      apiKey: "sk_test_cc8",
      fetch: server.fetch,
      clock,
      random: seededRandom(2),
    });
    const first = await clock.run(client.runs.deleteMany(runs.slice(0, 200).map((r) => r.id)));
    expect(client.runs.retryBudget.tokens).toBeLessThan(5);
    const before = server.log.length;
    const second = await clock.run(client.runs.deleteMany(runs.slice(200, 250).map((r) => r.id)));
    // The shared budget is empty: each ID gets one attempt and no retry.
    expect(server.log.length - before).toBe(50);
    expect(second.counts.failed).toBe(50);
    const own = await clock.run(
      client.runs.deleteMany(
        runs.slice(250).map((r) => r.id),
        { retryBudget: createRetryBudget({ capacity: 50 }) },
      ),
    );
    expect(own.requests).toBe(50 + 10);
    expect(first.counts.failed).toBe(200);
  });
});
