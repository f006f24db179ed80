import { cases, createBackend, EMULATOR_API_KEY, runCase, tinyCases } from "@extendkit/conformance";
import { serveBackend } from "@extendkit/conformance/node";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, startWorker } from "./workerd.ts";

// The shared runtime conformance suite in workerd without nodejs_compat: each case's `act` runs
// in a Worker built from the built @extendkit/workers, which reaches the emulator over HTTP
// with workerd's own fetch; setup and check run here, beside the emulator.
const backend = createBackend();
let server: Awaited<ReturnType<typeof serveBackend>>;
let worker: Miniflare;

beforeAll(async () => {
  server = await serveBackend(backend);
  worker = startWorker(await bundle("./worker/conformance-worker.ts"), {
    EXTEND_API_KEY: EMULATOR_API_KEY,
    EXTEND_BASE_URL: server.url,
  });
  await worker.ready;
}, 60_000);
afterAll(async () => {
  await worker?.dispose();
  await server?.close();
});

/** Runs a case's `act` in the Worker, with `createClient` or (client "tiny") `createTinyClient`. */
const remoteWith = (client?: "tiny") => async (name: string, params: unknown) => {
  const response = await worker.dispatchFetch("http://worker/act", {
    method: "POST",
    body: JSON.stringify({ name, params, client }),
  });
  if (!response.ok) throw new Error(`worker failed: ${response.status} ${await response.text()}`);
  return response.json();
};
const remote = remoteWith();

describe("conformance (workerd)", () => {
  it("runs in workerd without nodejs_compat", async () => {
    const info = await (await worker.dispatchFetch("http://worker/runtime")).json();
    expect(info).toEqual({
      userAgent: "Cloudflare-Workers",
      process: "undefined",
      Buffer: "undefined",
    });
  });

  for (const found of cases) {
    it(found.name, () => runCase(found, backend, { remote }));
  }

  for (const found of tinyCases()) {
    it(`createTinyClient: ${found.name}`, () =>
      runCase(found, backend, { remote: remoteWith("tiny") }));
  }

  it("CC1: a bulk delete of 20 runs keeps at most 6 requests in flight", async () => {
    backend.reset();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await backend.seed("extractRuns"));
    backend.fault({ times: 20, delayMs: 40 });
    const response = await worker.dispatchFetch("http://worker/bulk-delete", {
      method: "POST",
      body: JSON.stringify({ ids }),
    });
    expect(await response.json()).toEqual(ids.map(() => "fulfilled"));
    expect(backend.paths()).toHaveLength(20);
    expect(backend.peak()).toBe(6);
  });
});
