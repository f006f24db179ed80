// Catalogue CC5 (reliability.md §2.2): no unhandled rejections, whatever fails.

import { createClient } from "@extendkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CANARY, captureLogger, expectNoCanary } from "./helpers/canary.ts";
import { connectionFailure, errorReply, hang } from "./helpers/scripted-fetch.ts";
import { flush, VirtualClock } from "./helpers/virtual-clock.ts";

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);

describe("G. concurrency", () => {
  beforeEach(() => {
    unhandled.length = 0;
    process.on("unhandledRejection", record);
  });
  afterEach(() => {
    process.off("unhandledRejection", record);
  });

  it("CC5 10,000 concurrent calls that fail in every way leave 0 unhandledRejection events", {
    timeout: 300_000, // a hang guard only: 10,000 calls on a busy shared machine
  }, async () => {
    let n = 0;
    const clock = new VirtualClock();
    const log = captureLogger();
    // A bare fetch (no request recording): 10,000 calls are about the client, not the harness.
    const client = createClient({
      apiKey: CANARY,
      clock,
      logger: log.logger,
      logLevel: "info", // retries, give-ups and reconciliations; debug lines are covered elsewhere
      timeout: 1000,
      maxRetries: 1,
      random: () => 0.5,
      fetch: async (request) => {
        switch (n++ % 5) {
          case 0:
            throw connectionFailure("ECONNRESET");
          case 1:
            return hang(request); // times out
          case 2:
            return errorReply(503);
          case 3:
            return new Response("<html>", { headers: { "content-type": "text/html" } });
          default:
            return new Response('{"id":"exr_', {
              headers: { "content-type": "application/json" },
            });
        }
      },
    });
    const controllers = Array.from({ length: 10_000 }, () => new AbortController());
    const calls = controllers.map((c, i) =>
      // A quarter retry (backoff sleeps and cancel reconciliation are in play); the rest fail once.
      i % 3 === 0
        ? client.extractRuns.cancel("exr_1", { signal: c.signal, maxRetries: i % 4 === 0 ? 1 : 0 })
        : client.extractRuns.retrieve("exr_1", {
            signal: c.signal,
            maxRetries: i % 4 === 0 ? 1 : 0,
          }),
    );
    for (const [i, c] of controllers.entries()) if (i % 11 === 0) c.abort();
    // Lists that are built and never awaited send nothing and reject nowhere.
    for (let i = 0; i < 100; i++) client.extractRuns.list();
    const results = await clock.run(Promise.allSettled(calls));
    await flush(10);
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect(unhandled).toEqual([]);
    expect(clock.pending).toBe(0);
    const names = new Set(
      results.map((r) => (r.status === "rejected" ? (r.reason as Error).name : "")),
    );
    expect([...names].sort()).toEqual(
      expect.arrayContaining([
        "AbortError",
        "ConnectionError",
        "InternalServerError",
        "ResponseError",
        "TimeoutError",
      ]),
    );
    for (const name of names) {
      const sample = results.find(
        (r) => r.status === "rejected" && (r.reason as Error).name === name,
      );
      expectNoCanary(sample?.status === "rejected" ? sample.reason : undefined);
    }
    expectNoCanary(undefined, log.lines);
  });
});
