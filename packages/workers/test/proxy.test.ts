import { createBrowserClient } from "@extendkit/browser";
import {
  browserCases,
  createBackend,
  EMULATOR_API_KEY,
  runCase,
  sameOriginFetch,
} from "@extendkit/conformance";
import { serveBackend } from "@extendkit/conformance/node";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, startWorker } from "./workerd.ts";

// @extendkit/browser's proxy handler deployed as a Worker (workerd, no nodejs_compat), in front of
// the emulator served over HTTP: every conformance case acted by the browser client, whose requests
// go to the Worker. The same cases run through the proxy in Node and Chromium (packages/browser)
// and under Deno.serve (packages/deno).
const backend = createBackend();
let server: Awaited<ReturnType<typeof serveBackend>>;
let worker: Miniflare;
/** Where workerd serves the proxy Worker (miniflare's entry socket on 127.0.0.1). */
let origin: string;

beforeAll(async () => {
  server = await serveBackend(backend);
  worker = startWorker(await bundle("./worker/proxy-worker.ts"), {
    EXTEND_API_KEY: EMULATOR_API_KEY,
    EXTEND_BASE_URL: server.url,
  });
  origin = new URL(await worker.ready).origin;
}, 60_000);
afterAll(async () => {
  await worker?.dispose();
  await server?.close();
});

describe("the browser proxy in workerd", () => {
  for (const found of browserCases()) {
    it(found.name, () =>
      runCase(found, backend, {
        make: (overrides) =>
          createBrowserClient({
            proxyUrl: `${origin}/api/extend`,
            fetch: sameOriginFetch(origin),
            ...overrides,
          }) as never,
      }),
    );
  }

  it("holds the key: no answer carries it, and an unlisted operation is refused", async () => {
    const created = await sameOriginFetch(origin)(
      new Request(`${origin}/api/extend/extract_runs`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ extractor: { id: "ex_1" } }),
      }),
    );
    expect([403, 404, 405]).toContain(created.status);
    const id = await backend.seed("extractRuns");
    const read = await sameOriginFetch(origin)(
      new Request(`${origin}/api/extend/extract_runs/${id}`),
    );
    expect(read.status).toBe(200);
    const everything =
      JSON.stringify([...read.headers]) + (await read.text()) + (await created.text());
    expect(everything).not.toContain(EMULATOR_API_KEY);
  });
});
