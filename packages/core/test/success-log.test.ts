import { describe, expect, it } from "vitest";
import { createSuccessLog } from "../src/bulk/success-log.ts";

// The rate limiter learns the server's limit from this log (bulk-rate.test.ts drives it through
// whole jobs); these pin the ring itself, which is allocated only by the first success.
describe("createSuccessLog", () => {
  it("is empty until the first success", () => {
    const log = createSuccessLog(4);
    expect(log.startedBetween(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(0);
    expect(log.answeredRate(10_000, 5_000)).toEqual({ count: 0, perSecond: 0 });
  });

  it("keeps the last `capacity` successes, each with its own start and answer time", () => {
    const log = createSuccessLog(4);
    // Six successes started at 0, 100 … 500 ms, each answered 50 ms later: the first two drop out.
    for (let i = 0; i < 6; i++) log.add(i * 100, i * 100 + 50);
    expect(log.startedBetween(0, 1_000)).toBe(4);
    expect(log.startedBetween(0, 150)).toBe(0);
    expect(log.startedBetween(200, 300)).toBe(2);
    // Answered at 250, 350, 450 and 550; within 200 ms of 600: 450 and 550, over at least 1 s.
    expect(log.answeredRate(600, 200)).toEqual({ count: 2, perSecond: 2 });
    // All four, the oldest 2 s before `now`: 4 over 2 s.
    expect(log.answeredRate(2_250, 5_000)).toEqual({ count: 4, perSecond: 2 });
  });
});
