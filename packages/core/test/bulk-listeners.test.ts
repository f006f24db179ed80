import { createClient } from "@extendkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createVirtualClock, seededRandom } from "./helpers/bulk-clock.ts";
import { createFakeRunsServer, seedRuns } from "./helpers/fake-runs-server.ts";

// Node warns (MaxListenersExceededWarning) when one AbortSignal holds more than 10 abort
// listeners. A bulk job must not add one listener per ID in flight to a signal they share: not
// the caller's, not the job's, not a worker's.
let warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
beforeEach(() => {
  warnings = [];
  process.on("warning", onWarning);
});
afterEach(() => {
  process.off("warning", onWarning);
});

/** Lets the warnings Node emits on the next tick arrive. */
const drainWarnings = () => new Promise((resolve) => setImmediate(resolve));

describe("deleteMany at concurrency 32", () => {
  it("adds no MaxListenersExceededWarning, through pauses, paced waits and retries", async () => {
    const clock = createVirtualClock();
    const runs = seedRuns(600);
    const server = createFakeRunsServer({
      clock,
      runs,
      latency: 20,
      // A 429 with Retry-After pauses all 32 workers at once (waits under the rate limiter); 500s
      // send IDs into the backoff sleep of a retry.
      fault: ({ id, attempt }) => {
        if (id === "exr_000500" && attempt === 1) {
          return { respond: { status: 429, headers: { "retry-after": "2" } } };
        }
        if (id !== undefined && Number(id.slice(-3)) % 50 === 25 && attempt === 1) {
          return { respond: { status: 500 } };
        }
        return undefined;
      },
    });
    const client = createClient({
      apiKey: "sk_test_listeners",
      baseUrl: "https://api.extend.test",
      fetch: server.fetch,
      clock,
      random: seededRandom(3),
    });
    const caller = new AbortController();
    const report = await clock.run(
      client.runs.deleteMany(
        runs.map((r) => r.id),
        { concurrency: 32, signal: caller.signal },
      ),
    );
    await drainWarnings();
    expect(report.counts.deleted).toBe(600);
    // Well past the 10 listeners at which Node warns.
    expect(server.maxInFlight).toBeGreaterThan(20);
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  });
});
