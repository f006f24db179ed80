import { createRetryBudget } from "@extendkit/core";
import type { FaultRule } from "@extendkit/emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDeleteScenario } from "../src/run-delete-scenario.ts";
import { seedTargets } from "../src/seed-targets.ts";
import { setupEmulatedClient } from "../src/setup-emulated-client.ts";
import { watchProcess } from "../src/watch-process.ts";

let watcher: ReturnType<typeof watchProcess>;
beforeEach(() => {
  watcher = watchProcess();
});
afterEach(() => {
  watcher.stop();
  expect(watcher.unhandled()).toEqual([]);
});

const latency = (ms: number): FaultRule => ({ fault: { type: "latency", ms } });

describe("catalogue G (reliability §2.2) against the emulator", () => {
  it("CC1: concurrency 8 holds over 1,000 deletes (the emulator's in-flight gauge)", async () => {
    const { emulator, time, client } = setupEmulatedClient({ faults: [latency(50)] });
    const { targets } = seedTargets(emulator, 1000);
    const report = await time.drive(client.runs.deleteMany(targets));
    expect(report.counts.deleted).toBe(1000);
    expect(emulator.records.maxInFlight).toBe(8);
  });

  it("CC1: on Cloudflare Workers the default is 6", async () => {
    const had = Object.getOwnPropertyDescriptor(globalThis, "navigator");
    Object.defineProperty(globalThis, "navigator", {
      value: { userAgent: "Cloudflare-Workers" },
      configurable: true,
    });
    try {
      const { emulator, time, client } = setupEmulatedClient({ faults: [latency(50)] });
      const { targets } = seedTargets(emulator, 300);
      await time.drive(client.runs.deleteMany(targets));
      expect(emulator.records.maxInFlight).toBe(6);
    } finally {
      if (had) Object.defineProperty(globalThis, "navigator", had);
      else Reflect.deleteProperty(globalThis, "navigator");
    }
  });

  it("CC2: a 20 s storm of 429 with Retry-After: 5 pauses every worker together; nothing arrives early", async () => {
    const storm: FaultRule = {
      fault: {
        type: "error",
        status: 429,
        code: "RATE_LIMIT_EXCEEDED",
        retryable: true,
        retryAfter: 5,
      },
      window: { durationMs: 20_000 },
    };
    const { emulator, time, client, view } = setupEmulatedClient({ faults: [latency(10), storm] });
    const { targets } = seedTargets(emulator, 1000);
    const start = time.clock.now();
    const report = await time.drive(client.runs.deleteMany(targets));
    expect(report.counts.deleted).toBe(1000);
    expect(view.retryAfterViolations).toBe(0);
    expect(view.sameInstant).toBeLessThanOrEqual(7 * view.advisedRefusals);
    // The first 8 requests met the storm; after that one probe every 5 s until it ended.
    const during = emulator.records.requests.filter((r) => r.at < start + 20_000);
    expect(during.length).toBeLessThanOrEqual(8 + 4);
    expect(during.every((r) => r.status === 429)).toBe(true);
  });

  it("CC3: under sustained 50% 5xx the retry budget runs out: failed (retryable), load bounded", async () => {
    const half: FaultRule = {
      fault: { type: "error", status: 500, code: "INTERNAL_ERROR", retryable: true },
      probability: 0.5,
    };
    const { emulator, time, client } = setupEmulatedClient({ faults: [half] });
    const { targets } = seedTargets(emulator, 1000);
    const budget = createRetryBudget();
    const report = await time.drive(client.runs.deleteMany(targets, { retryBudget: budget }));
    const hits = emulator.records.requests.length;
    // Retries cost 5 tokens of 500; each success refunds 1: retries ≤ (500 + successes) / 5.
    const successes = report.counts.deleted + report.counts.alreadyAbsent;
    expect(hits).toBeLessThanOrEqual(1000 + (500 + successes) / 5);
    expect(hits).toBeLessThan(1000 * 1.35);
    expect(report.counts.failed).toBeGreaterThan(0);
    expect(report.failed.every((f) => f.retryable)).toBe(true);
    for (const id of targets) expect(emulator.records.effects(id).deleted).toBeLessThanOrEqual(1);
    for (const f of report.failed) expect(emulator.getRun(f.id)).toBeDefined();
  });

  it("CC4: against a 10 req/s write limit, throughput settles within ±10% with under 2% 429s", async () => {
    const { emulator, time, client } = setupEmulatedClient({
      rateLimits: { write: 10 },
      faults: [latency(20)],
    });
    const { targets } = seedTargets(emulator, 1500);
    const start = time.clock.now();
    const report = await time.drive(client.runs.deleteMany(targets));
    expect(report.counts.deleted).toBe(1500);
    const after = emulator.records.requests.filter((r) => r.at >= start + 10_000);
    const seconds = ((after.at(-1)?.at ?? start) - (after[0]?.at ?? start)) / 1000;
    const ok = after.filter((r) => r.status === 200).length;
    const throttled = after.filter((r) => r.status === 429).length;
    console.log(
      `CC4: ${(ok / seconds).toFixed(2)} deletes/s after warm-up, ${throttled}/${after.length} 429s`,
    );
    expect(ok / seconds).toBeGreaterThanOrEqual(9);
    expect(ok / seconds).toBeLessThanOrEqual(11);
    expect(throttled / after.length).toBeLessThan(0.02);
  });

  it("CC5: 10,000 IDs whose every request fails leave no unhandled rejection", async () => {
    const reset: FaultRule = { fault: { type: "resetBeforeCommit" } };
    const { emulator, time, client } = setupEmulatedClient({ faults: [reset] });
    const ids = Array.from({ length: 10_000 }, (_, i) => `exr_cc5_${i}`);
    const report = await time.drive(
      client.runs.deleteMany(ids, { concurrency: 1000, maxAttempts: 1 }),
    );
    expect(report.counts.failed).toBe(10_000);
    expect(emulator.records.requests.length).toBe(10_000);
  });

  it("CC6 / I9: an abort halfway sends nothing after it and reports the rest as not attempted", async () => {
    const { emulator, time, client } = setupEmulatedClient({ faults: [latency(100)] });
    const { targets } = seedTargets(emulator, 1000);
    const controller = new AbortController();
    let abortedAt = 0;
    const report = await time.drive(
      client.runs.deleteMany(targets, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.counts.total === 500 && abortedAt === 0) {
            abortedAt = time.clock.now();
            controller.abort(new Error("Ctrl-C"));
          }
        },
      }),
    );
    expect(report.stopped?.reason).toBe("aborted");
    expect(report.ok).toBe(false);
    expect(emulator.records.requests.filter((r) => r.at > abortedAt)).toHaveLength(0);
    expect(report.counts.notAttempted).toBeGreaterThanOrEqual(490);
    expect(report.total).toBe(1000);
    for (const id of report.notAttempted) expect(emulator.records.effects(id).deleted).toBe(0);
    for (const id of report.deleted) expect(emulator.getRun(id)).toBeUndefined();
    // In flight when aborted: reported failed (outcome unknown), never deleted or not attempted.
    for (const f of report.failed) expect(f.retryable).toBe(true);
  });

  it("CC8: two jobs on one client share one rate limiter and one retry budget", async () => {
    const storm: FaultRule = {
      fault: {
        type: "error",
        status: 429,
        code: "RATE_LIMIT_EXCEEDED",
        retryable: true,
        retryAfter: 5,
      },
      count: 1,
    };
    const { emulator, time, client, view } = setupEmulatedClient({ faults: [latency(10), storm] });
    const { targets } = seedTargets(emulator, 400);
    const start = time.clock.now();
    const [a, b] = await time.drive(
      Promise.all([
        client.runs.deleteMany(targets.slice(0, 200)),
        client.runs.deleteMany(targets.slice(200)),
      ]),
    );
    expect(a.counts.deleted + b.counts.deleted).toBe(400);
    expect(view.retryAfterViolations).toBe(0);
    // One 429 paused both jobs: after the in-flight requests, nothing until the advised time.
    const paused = emulator.records.requests.filter(
      (r) => r.at > start + 10 && r.at < start + 5_000,
    );
    expect(paused).toHaveLength(0);
    expect(client.runs.retryBudget.tokens).toBe(500);
  });

  it("I10: the same seed gives the same per-ID outcomes", async () => {
    for (const scenario of ["F11", "F16", "F20"] as const) {
      const first = await runDeleteScenario(scenario, 3, 1000);
      const second = await runDeleteScenario(scenario, 3, 1000);
      expect([...second.outcomes]).toEqual([...first.outcomes]);
      expect(second.emulator.records.requests.length).toBe(first.emulator.records.requests.length);
    }
  });
});
