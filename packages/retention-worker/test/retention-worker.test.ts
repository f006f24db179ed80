import type { Miniflare } from "miniflare";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { bundleWorker, events, seededEmulator, settle, startRetentionWorker } from "./harness.ts";

let script: string;
let cleanup: Array<() => Promise<unknown>> = [];
beforeAll(async () => {
  script = await bundleWorker();
});
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function setup(
  n: number,
  faults: Parameters<typeof seededEmulator>[1],
  vars: Record<string, string> = {},
) {
  const env = await seededEmulator(n, faults);
  const worker: Miniflare = startRetentionWorker(script, env.served.url, vars);
  cleanup.push(
    () => env.served.close(),
    () => worker.dispose(),
  );
  await worker.ready;
  return { ...env, worker };
}

const deletesOf = (emulator: Awaited<ReturnType<typeof setup>>["emulator"]) =>
  emulator.records.requests.filter((r) => r.method === "DELETE");

describe("the retention Worker in workerd (miniflare): Cron Trigger → Queues → deletes", () => {
  it("purges a seeded emulator end to end: every expired run deleted exactly once, nothing else touched", async () => {
    // Transient faults on deletes: the consumer's deleteMany retries them within the batch.
    const faults = [
      {
        routes: "*.delete",
        fault: { type: "error" as const, status: 503, retryable: true },
        probability: 0.05,
      },
      { routes: "*.delete", fault: { type: "resetAfterCommit" as const }, probability: 0.03 },
      // Slow enough that the consumer's concurrent deletes overlap at the emulator.
      { routes: "*.delete", fault: { type: "latency" as const, ms: 30 } },
    ];
    const { emulator, worker, targets, bystanders } = await setup(150, faults);
    const result = await (await events(worker)).scheduled({ cron: "0 3 * * *" });
    expect(result.outcome).toBe("ok");
    await settle(
      emulator,
      () => targets.every((id) => emulator.getRun(id) === undefined),
      "the purge",
    );
    console.log(
      `retention worker: ${emulator.records.requests.length} requests, at most ${emulator.records.maxInFlight} in flight`,
    );
    for (const id of targets) expect(emulator.records.effects(id).deleted).toBe(1);
    for (const id of bystanders) expect(emulator.getRun(id)).toBeDefined();
    // Every DELETE went to a target; the second listing pass found nothing left and ended.
    const targetSet = new Set(targets);
    expect(deletesOf(emulator).every((r) => targetSet.has(r.path.split("/")[2] as string))).toBe(
      true,
    );
    const lists = emulator.records.requests.filter(
      (r) => r.method === "GET" && !/_runs\/[^/]+$/.test(r.path.split("?")[0] as string),
    );
    expect(lists.length).toBeGreaterThanOrEqual(10);
    const dead = (await (
      await worker.dispatchFetch("http://worker/dead", {
        headers: { authorization: "Bearer admin-token" },
      })
    ).json()) as { dead: string[] };
    expect(dead.dead).toEqual([]);
  });

  it("CC1: one consumer invocation deletes its batch at most 6 at a time, and acks each message", async () => {
    const latency = { routes: "*.delete", fault: { type: "latency" as const, ms: 50 } };
    const { emulator, worker, targets } = await setup(30, [latency]);
    const messages = targets.map((id) => ({
      id: `m-${id}`,
      timestamp: new Date(),
      attempts: 1,
      body: { kind: "delete", id },
    }));
    const result = await (await events(worker)).queue("extendkit-retention", messages);
    expect(result.outcome).toBe("ok");
    expect([...result.explicitAcks].sort()).toEqual(messages.map((m) => m.id).sort());
    expect(result.retryMessages).toEqual([]);
    expect(emulator.records.maxInFlight).toBe(6);
    for (const id of targets) expect(emulator.records.effects(id).deleted).toBe(1);
  });

  it("dead-letters a run that can never be deleted and deletes the rest", async () => {
    const refused = {
      routes: "*.delete",
      fault: { type: "error" as const, status: 422, code: "INVALID_REQUEST", retryable: false },
      count: 2,
    };
    const { emulator, worker, targets } = await setup(40, [refused], { RETENTION_MAX_PASSES: "1" });
    const started = await worker.dispatchFetch("http://worker/purge", {
      method: "POST",
      headers: { authorization: "Bearer admin-token" },
    });
    expect(started.status).toBe(202);
    const admin = { headers: { authorization: "Bearer admin-token" } };
    let dead: string[] = [];
    await settle(
      emulator,
      () => targets.filter((id) => emulator.getRun(id) !== undefined).length === 2,
      "the purge",
    );
    await expect
      .poll(
        async () => {
          dead = (
            (await (await worker.dispatchFetch("http://worker/dead", admin)).json()) as {
              dead: string[];
            }
          ).dead;
          return dead.length;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBe(2);
    const left = targets.filter((id) => emulator.getRun(id) !== undefined);
    expect(dead.sort()).toEqual(left.sort());
    for (const id of targets)
      expect(emulator.records.effects(id).deleted).toBe(left.includes(id) ? 0 : 1);
  });

  it("RETENTION_DRY_RUN=true lists and deletes nothing", async () => {
    const { emulator, worker, targets } = await setup(30, [], { RETENTION_DRY_RUN: "true" });
    await (await events(worker)).scheduled({ cron: "0 3 * * *" });
    await settle(emulator, () => emulator.records.requests.length >= 5, "the listing");
    expect(deletesOf(emulator)).toHaveLength(0);
    for (const id of targets) expect(emulator.getRun(id)).toBeDefined();
  });

  it("the fetch handler needs the admin token", async () => {
    const { worker } = await setup(0, []);
    expect((await worker.dispatchFetch("http://worker/purge", { method: "POST" })).status).toBe(
      401,
    );
    const wrong = { method: "POST", headers: { authorization: "Bearer nope" } };
    expect((await worker.dispatchFetch("http://worker/purge", wrong)).status).toBe(401);
  });
});
