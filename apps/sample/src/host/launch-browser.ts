import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createProxyHandler } from "@extendkit/browser/proxy";
import { operationTable } from "@extendkit/core";
import { toNodeHandler } from "@extendkit/node";
import { chromium } from "playwright-core";
import type { StepResult } from "../step-result.ts";
import { bundlePath } from "./bundle-path.ts";
import type { Launch } from "./launch.ts";
import { openUpstream, runtimeConfig } from "./upstream.ts";

/** Debian's Chromium; `CHROMIUM_PATH` names another. Never a browser downloaded by Playwright. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
];
const PROXY_PATH = "/api/extend";
const DEADLINE_MS = 10 * 60_000;

/**
 * What the page may ask the proxy to do: exactly the operations the sample calls (create,
 * createBatch, retrieve, cancel, delete of run resources). A real app allows only what its own
 * pages need; the proxy refuses everything else before it reaches the API.
 */
const SAMPLE_OPERATIONS = operationTable
  .filter((op) => op.resource?.endsWith("Runs") && op.kind !== "list" && op.kind !== "update")
  .map((op) => op.operationId);

/**
 * Serves a page on 127.0.0.1 that runs the sample with `@extendkit/browser`, mounts
 * `@extendkit/browser/proxy` (holding the key) under `/api/extend` on the same origin, and opens
 * the page in headless Chromium through playwright-core. Steps come back through
 * `window.sampleReport`, which Playwright binds to this process.
 */
export const launchBrowser: Launch = async ({ target, only, emit }) => {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `no Chromium at ${chromiumPath}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  const upstream = await openUpstream(target);
  const config = runtimeConfig(upstream, only);
  const proxy = createProxyHandler({
    apiKey: upstream.apiKey,
    baseUrl: upstream.baseUrl,
    ...(upstream.workspaceId && { workspaceId: upstream.workspaceId }),
    basePath: PROXY_PATH,
    allow: SAMPLE_OPERATIONS,
    // The page is this process's own, on 127.0.0.1, with no users: a real app checks its session
    // cookie here. No rate limit either: the sample polls every run it waits for.
    authorize: () => true,
    rateLimit: false,
  });
  const page = `<!doctype html><meta charset="utf-8"><title>extendkit sample</title><script type="module" src="/browser.js"></script>`;
  const script = await readFile(bundlePath("browser.js"), "utf8");
  const server = createServer(
    toNodeHandler(async (request) => {
      const { pathname } = new URL(request.url);
      if (pathname.startsWith(`${PROXY_PATH}/`)) return proxy(request);
      if (pathname === "/") return new Response(page, { headers: { "content-type": "text/html" } });
      if (pathname === "/browser.js") {
        return new Response(script, { headers: { "content-type": "text/javascript" } });
      }
      if (pathname === "/config.json") return Response.json(config);
      return new Response("not found", { status: 404 });
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const tab = await browser.newPage();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error("the page did not finish in time")),
        DEADLINE_MS,
      );
      const settle = (error?: Error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      tab.on("pageerror", (error) => settle(new Error(`page error: ${error.message}`)));
      tab.on("crash", () => settle(new Error("the page crashed")));
      tab
        .exposeFunction(
          "sampleReport",
          (event: { type: string; result?: StepResult; message?: string }) => {
            if (event.type === "step" && event.result) emit(event.result);
            else if (event.type === "done") settle();
            else if (event.type === "fatal") settle(new Error(event.message));
          },
        )
        .then(() => tab.goto(`http://127.0.0.1:${port}/`))
        .catch(settle);
    });
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    await upstream.close();
  }
};
