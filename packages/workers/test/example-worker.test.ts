import { createBackend, EMULATOR_API_KEY } from "@extendkit/conformance";
import { serveBackend } from "@extendkit/conformance/node";
import { signWebhook } from "@extendkit/emulator";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, startWorker } from "./workerd.ts";

// example/worker.ts in workerd (no nodejs_compat) against the emulator: its fetch handler, its
// webhook receiver (the emulator delivers to the Worker over HTTP) and its scheduled handler.
const backend = createBackend();
let server: Awaited<ReturnType<typeof serveBackend>>;
let worker: Miniflare;
let hookUrl: string;
const WEBHOOK_SECRET = "wss_example_worker_secret";
const admin = { authorization: "Bearer admin-token" };

beforeAll(async () => {
  server = await serveBackend(backend);
  worker = startWorker(await bundle("../example/worker.ts"), {
    EXTEND_API_KEY: EMULATOR_API_KEY,
    EXTEND_BASE_URL: server.url,
    ADMIN_TOKEN: "admin-token",
    EXTEND_WEBHOOK_SECRET: WEBHOOK_SECRET,
  });
  hookUrl = new URL("/webhooks/extend", await worker.ready).href;
}, 60_000);
afterAll(async () => {
  await worker?.dispose();
  await server?.close();
});

describe("example Worker", () => {
  it("fetch: retrieves, cancels and deletes any run type by id, for the admin only", async () => {
    const id = await backend.seed("classifyRuns", "PROCESSING");
    const denied = await worker.dispatchFetch(`http://worker/runs/${id}`);
    expect(denied.status).toBe(401);
    const got = await worker.dispatchFetch(`http://worker/runs/${id}`, { headers: admin });
    expect(((await got.json()) as { id: string }).id).toBe(id);
    const cancelled = await worker.dispatchFetch(`http://worker/runs/${id}/cancel`, {
      method: "POST",
      headers: admin,
    });
    expect(((await cancelled.json()) as { status: string }).status).toMatch(/^CANCELL(ED|ING)$/);
    const deleted = await worker.dispatchFetch(`http://worker/runs/${id}`, {
      method: "DELETE",
      headers: admin,
    });
    expect(deleted.status).toBe(200);
    const gone = await worker.dispatchFetch(`http://worker/runs/${id}`, { headers: admin });
    expect(gone.status).toBe(404);
  });

  it("webhooks: each finished run the emulator reports is deleted; a repeat finds it gone", async () => {
    backend.reset();
    const { emulator } = backend;
    emulator.webhooks.setEndpoints([{ url: hookUrl, secret: WEBHOOK_SECRET }]);
    const extract = await backend.seed("extractRuns", "PROCESSING");
    const parse = await backend.seed("parseRuns", "PROCESSING");
    const workflow = await backend.seed("workflowRuns", "PROCESSING");
    await emulator.clock.advance(60_000);
    await emulator.webhooks.idle();
    const first = emulator.webhooks.deliveries();
    // The workflow run's two step events (PARSE, EXTRACT) are accepted with 200 and ignored.
    expect(first.map((d) => [d.eventType, d.state, d.status]).sort()).toEqual([
      ["extract_run.processed", "delivered", 200],
      ["parse_run.processed", "delivered", 200],
      ["workflow_run.completed", "delivered", 200],
      ["workflow_run.step_run.processed", "delivered", 200],
      ["workflow_run.step_run.processed", "delivered", 200],
    ]);
    expect(await status(extract)).toBe(404);
    expect(await status(parse)).toBe(404);
    expect(await status(workflow)).toBe(200); // workflow runs are not the example's to delete

    const event = first.find((d) => d.eventType === "extract_run.processed");
    const [again] = await emulator.webhooks.redeliver(event?.eventId as string);
    expect([again?.attempt, again?.state, again?.status]).toEqual([2, "delivered", 200]);
  });

  it("webhooks: a payload sent by signed URL is fetched in workerd before the run is deleted", async () => {
    backend.reset();
    const { emulator } = backend;
    emulator.webhooks.setEndpoints([
      { url: hookUrl, secret: WEBHOOK_SECRET, payloadFormat: "url" },
    ]);
    const id = await backend.seed("splitRuns", "PROCESSING");
    expect(await status(id)).toBe(200); // a request at the served origin: the signed URLs' base
    await emulator.clock.advance(60_000);
    await emulator.webhooks.idle();
    expect(emulator.webhooks.deliveries()).toMatchObject([
      { eventType: "split_run.processed", state: "delivered", status: 200 },
    ]);
    const fetched = emulator.records.requests
      .filter((r) => r.operationId === "webhookPayload")
      .map((r) => r.status);
    expect(fetched).toEqual([200]); // the Worker fetched the run object, once, without a key
    expect(await status(id)).toBe(404);
  });

  it("webhooks: a forged or stale delivery is refused with 400 and deletes nothing", async () => {
    backend.reset();
    const id = await backend.seed("extractRuns", "PROCESSED");
    const body = JSON.stringify({
      eventId: "event_forged",
      eventType: "extract_run.processed",
      payload: { object: "extract_run", id, status: "PROCESSED" },
    });
    const now = Math.floor(Date.now() / 1000);
    for (const [headers, reason] of [
      [await signWebhook({ secret: "wss_guessed", body, timestamp: now }), "signature-mismatch"],
      [await signWebhook({ secret: WEBHOOK_SECRET, body, timestamp: now - 3600 }), "expired"],
      [{}, "missing-header"],
    ] as const) {
      const answer = await fetch(hookUrl, { method: "POST", headers: { ...headers }, body });
      expect([answer.status, await answer.json()]).toEqual([400, { error: reason }]);
    }
    expect(await status(id)).toBe(200);
    expect(backend.paths()).toEqual([`/extract_runs/${id}`]); // only this test's own read
  });

  it("webhooks: a delete that fails is a 500, so the run stays and the event can come again", async () => {
    backend.reset();
    const { emulator } = backend;
    emulator.webhooks.setEndpoints([{ url: hookUrl, secret: WEBHOOK_SECRET }]);
    const id = await backend.seed("classifyRuns", "PROCESSING");
    backend.fault({ times: 20, status: 500 });
    await emulator.clock.advance(60_000);
    await emulator.webhooks.idle();
    const [failed] = emulator.webhooks.deliveries();
    expect([failed?.eventType, failed?.state, failed?.status]).toEqual([
      "classify_run.processed",
      "failed",
      500,
    ]);
    emulator.clearFaults();
    expect(await status(id)).toBe(200); // not deleted, and not reported as deleted
    const [again] = await emulator.webhooks.redeliver(failed?.eventId as string);
    expect([again?.state, again?.status]).toEqual(["delivered", 200]);
    expect(await status(id)).toBe(404);
  });

  it("scheduled: deletes every processed extract run, at most 6 requests in flight", async () => {
    backend.reset();
    const processed: string[] = [];
    for (let i = 0; i < 15; i++) processed.push(await backend.seed("extractRuns", "PROCESSED"));
    const running = await backend.seed("extractRuns", "PROCESSING");
    backend.fault({ times: 30, delayMs: 40 });
    const fetcher = (await worker.getWorker()) as unknown as {
      scheduled(options: { cron: string }): Promise<{ outcome: string }>;
    };
    const result = await fetcher.scheduled({ cron: "0 * * * *" });
    expect(result.outcome).toBe("ok");
    const deletes = backend.paths().filter((p) => /^\/extract_runs\/.+/.test(p));
    expect(deletes).toHaveLength(15);
    expect(backend.peak()).toBe(6);
    const left = await backend.fetch(
      new Request(`${server.url}/extract_runs/${running}`, {
        headers: { authorization: `Bearer ${EMULATOR_API_KEY}` },
      }),
    );
    expect(left.status).toBe(200);
  });
});

/** The emulator's answer to GET of run `id` (200, or 404 once deleted). */
async function status(id: string): Promise<number> {
  const prefix = id.split("_")[0];
  const path = { exr: "extract_runs", pr: "parse_runs", clr: "classify_runs", splr: "split_runs" }[
    prefix as string
  ];
  const url = path ? `${server.url}/${path}/${id}` : `${server.url}/workflow_runs/${id}`;
  const answer = await backend.fetch(
    new Request(url, { headers: { authorization: `Bearer ${EMULATOR_API_KEY}` } }),
  );
  await answer.body?.cancel();
  return answer.status;
}
