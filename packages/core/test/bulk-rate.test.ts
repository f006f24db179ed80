import { createClient } from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { createVirtualClock, seededRandom } from "./helpers/bulk-clock.ts";
import { createFakeRunsServer, type Fault, seedRuns } from "./helpers/fake-runs-server.ts";

/**
 * A write limit like the emulator's and many gateways': `limit` requests per fixed 1 s window,
 * then 429 with a whole-second Retry-After (rounded up, at least 1) until the window ends.
 */
function fixedWindows(limit: number) {
  let window = -1;
  let used = 0;
  const refusedAt: number[] = [];
  const take = (now: number): Fault | undefined => {
    const current = Math.floor(now / 1000);
    if (current !== window) {
      window = current;
      used = 0;
    }
    if (used < limit) {
      used++;
      return undefined;
    }
    refusedAt.push(now);
    const seconds = Math.max(1, Math.ceil(((current + 1) * 1000 - now) / 1000));
    return { respond: { status: 429, headers: { "retry-after": String(seconds) } } };
  };
  return { take, refusedAt };
}

describe("the bulk rate limiter against fixed 1 s windows", () => {
  it("CC4: learns the limit from the first 429 and paces just under it: no 429 after the first two windows", async () => {
    const clock = createVirtualClock();
    const runs = seedRuns(300);
    const limit = fixedWindows(10);
    const server = createFakeRunsServer({
      clock,
      runs,
      latency: 15,
      fault: ({ now }) => limit.take(now),
    });
    // A refusal costs the server nothing; a delete takes longer: 429s come back before the
    // successes of the same burst (the limiter must not learn from answers still on their way).
    const fetch = async (request: Request) => {
      const response = await server.fetch(request);
      if (response.ok) await new Promise<void>((resolve) => clock.setTimeout(resolve, 40));
      return response;
    };
    const client = createClient({
      apiKey: "sk_test_rate",
      baseUrl: "https://api.extend.test",
      fetch,
      clock,
      random: seededRandom(5),
    });
    const t0 = clock.now();
    const report = await clock.run(
      client.runs.deleteMany(
        runs.map((r) => r.id),
        { concurrency: 16 },
      ),
    );
    expect(report.counts.deleted).toBe(300);
    expect(report.deleted.every((id) => server.deleteEffects.get(id) === 1)).toBe(true);
    // Only the start-up burst, sent before the limit was known, is refused.
    expect(limit.refusedAt.length).toBeGreaterThan(0);
    expect(limit.refusedAt.filter((at) => at >= t0 + 2_000)).toEqual([]);
    // 95% of the 10 the server lets through per window, grown by at most a few tenths since.
    const rate = client.runs.rateLimiter.rate ?? Number.POSITIVE_INFINITY;
    expect(rate).toBeGreaterThanOrEqual(9);
    expect(rate).toBeLessThan(10);
  });
});
