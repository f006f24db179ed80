import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript shared with Deno and workerd
import { runScenario } from "./scenario.js";

// workerd (through Miniflare, no nodejs_compat): the built emulator bundled into a Worker serves
// the shared scenario, both run inside the Worker and driven from outside over HTTP, with the
// golden transcript Node and Deno give.
const golden = JSON.parse(readFileSync(new URL("./scenario.golden.json", import.meta.url), "utf8"));
let mf: Miniflare;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL("./workerd/worker.js", import.meta.url))],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    alias: {
      "@extendkit/emulator": fileURLToPath(new URL("../../dist/index.js", import.meta.url)),
    },
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0]?.text ?? "";
  expect(script).not.toMatch(/node:/);
  mf = new Miniflare({ modules: true, script, compatibilityDate: "2026-03-01" });
}, 120_000);

afterAll(async () => {
  await mf?.dispose();
});

describe("runtime: workerd", () => {
  it("inside the Worker: the scenario matches the golden transcript", async () => {
    const res = await mf.dispatchFetch("http://localhost/__scenario");
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(JSON.parse(text)).toEqual(golden);
  }, 120_000);

  it("served by the Worker over HTTP: the same transcript", async () => {
    const transcript = await runScenario(async (path: string, init: RequestInit) => {
      const res = await mf.dispatchFetch(`http://localhost${path}`, init as never);
      return new Response(await res.text(), {
        status: res.status,
        headers: Object.fromEntries(res.headers),
      });
    });
    expect(transcript).toEqual(golden);
  }, 120_000);
});
