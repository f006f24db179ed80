import { createBackend, EMULATOR_API_KEY } from "@extendkit/conformance";
import { serveBackend } from "@extendkit/conformance/node";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, startWorker } from "./workerd.ts";

// example/worker.ts in workerd (no nodejs_compat) against the emulator: its fetch handler and
// its scheduled handler.
const backend = createBackend();
let server: Awaited<ReturnType<typeof serveBackend>>;
let worker: Miniflare;
const admin = { authorization: "Bearer admin-token" };

beforeAll(async () => {
  server = await serveBackend(backend);
  worker = startWorker(await bundle("../example/worker.ts"), {
    EXTEND_API_KEY: EMULATOR_API_KEY,
    EXTEND_BASE_URL: server.url,
    ADMIN_TOKEN: "admin-token",
  });
  await worker.ready;
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
