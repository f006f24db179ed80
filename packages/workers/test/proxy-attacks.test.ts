import { createProxyHandler, DEFAULT_ALLOW } from "@extendkit/browser/proxy";
import { proxyAttacks } from "@extendkit/conformance";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundle, startWorker } from "./workerd.ts";

// The proxy attack catalogue (reliability.md §4.1, P01–P47) in workerd without nodejs_compat:
// each row runs inside a Worker (worker/proxy-attacks-worker.ts), on workerd's own Request,
// Response, Headers and URL. The same rows run in Node (packages/browser) and Deno.
let worker: Miniflare;

beforeAll(async () => {
  worker = startWorker(await bundle("./worker/proxy-attacks-worker.ts"), {});
  await worker.ready;
}, 60_000);
afterAll(async () => {
  await worker?.dispose();
});

// The names, from the same catalogue the Worker bundles.
const names = proxyAttacks({ createProxyHandler, DEFAULT_ALLOW }).map((a) => a.name);

describe("proxy attack catalogue in workerd (reliability §4.1)", () => {
  it("has all 47 rows", () => {
    expect(names).toHaveLength(47);
  });

  for (const name of names) {
    it(name, async () => {
      const response = await worker.dispatchFetch("http://worker/attack", {
        method: "POST",
        body: JSON.stringify({ name }),
      });
      const result = (await response.json()) as { ok: boolean; error?: string };
      expect(result.error ?? "").toBe("");
      expect(result.ok).toBe(true);
    });
  }
});
