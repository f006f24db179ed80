import { createProxyHandler } from "@extendkit/browser/proxy";
import {
  type Backend,
  browserCases,
  createBackend,
  EMULATOR_API_KEY,
  PROXY_ALLOW,
  runCase,
} from "@extendkit/conformance";
import { serveBackend, serveFetch } from "@extendkit/conformance/node";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundlePage, chromiumAvailable, launch, PAGE } from "./chromium.ts";

// Headless Chromium, through the proxy: a page on the app's origin uses the built
// @extendkit/browser; the app serves the page and mounts @extendkit/browser/proxy in front of the
// emulator (served over HTTP). Every conformance case runs its `act` in the page.
const run = chromiumAvailable();
const backend: Backend = createBackend();
const served: { close(): Promise<void> }[] = [];
let browser: Browser;
let context: BrowserContext;
let page: Page;
let appUrl: string;
const pageRequests: { url: string; headers: Record<string, string> }[] = [];
const pageBodies: string[] = [];

beforeAll(async () => {
  if (!run) return;
  const upstream = await serveBackend(backend);
  served.push(upstream);
  const proxy = createProxyHandler({
    apiKey: EMULATOR_API_KEY,
    baseUrl: upstream.url,
    allow: PROXY_ALLOW,
    rateLimit: { requests: 10_000 },
    authorize: (request) => (request.headers.get("cookie") ?? "").includes("session=valid"),
  });
  const script = await bundlePage();
  const app = await serveFetch((request) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith("/api/extend/")) return proxy(request);
    if (pathname === "/app.js") {
      return new Response(script, { headers: { "content-type": "text/javascript" } });
    }
    return new Response(PAGE, { headers: { "content-type": "text/html" } });
  });
  served.push(app);
  appUrl = app.url;
  browser = await launch();
  context = await browser.newContext();
  await context.addCookies([{ name: "session", value: "valid", url: appUrl }]);
  page = await context.newPage();
  page.on("request", (request) => {
    pageRequests.push({ url: request.url(), headers: request.headers() });
  });
  page.on("response", async (response) => {
    if (!response.url().includes("/api/extend/")) return; // the test page's own script aside
    pageBodies.push(
      JSON.stringify(await response.allHeaders()) + (await response.text().catch(() => "")),
    );
  });
  await page.goto(appUrl);
  await page.waitForSelector("body[data-ready=true]");
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const server of served.reverse()) await server.close();
});

const remote = (name: string, params: unknown) =>
  page.evaluate(
    ([n, p]) =>
      (globalThis as unknown as { runAct: (n: string, p: unknown) => unknown }).runAct(n, p),
    [name, params] as const,
  );

describe.runIf(run)("conformance (Chromium, through the proxy)", () => {
  for (const found of browserCases()) {
    it(found.name, () => runCase(found, backend, { remote }));
  }

  it("H3: createBrowserClient refuses an apiKey option and anything that looks like a secret key", async () => {
    const names = await page.evaluate(() => {
      const create = (globalThis as unknown as { createBrowserClient: (o: unknown) => unknown })
        .createBrowserClient;
      return [
        { proxyUrl: "/api/extend", apiKey: "sk_live_abc" },
        { proxyUrl: "/api/extend?key=sk_live_abc" },
        { proxyUrl: "/api/extend", logLevel: "Bearer sk_live_abc" },
      ].map((options) => {
        try {
          create(options);
          return "created";
        } catch (error) {
          return (error as Error).name;
        }
      });
    });
    expect(names).toEqual(["InvalidArgumentError", "InvalidArgumentError", "InvalidArgumentError"]);
  });

  it("the page never sends an Authorization header and never receives the key", () => {
    const api = pageRequests.filter((r) => r.url.includes("/api/extend/"));
    expect(api.length).toBeGreaterThan(20);
    for (const request of api) expect(request.headers.authorization).toBeUndefined();
    expect(pageBodies.join("\n")).not.toContain(EMULATOR_API_KEY);
  });
});

describe.runIf(run)("browser end to end: a page cancels and deletes runs through the proxy", () => {
  it("cancels and deletes runs of several types by clicking, and the emulator applied each once", async () => {
    backend.reset();
    const ids = [
      await backend.seed("workflowRuns", "PROCESSING"),
      await backend.seed("extractRuns", "PROCESSING"),
      await backend.seed("parseRuns", "PROCESSING"),
      await backend.seed("splitRuns", "PROCESSING"),
    ];
    const ui = await context.newPage();
    await ui.goto(`${appUrl}/#${ids.join(",")}`);
    await ui.waitForSelector("body[data-ready=true]");
    for (const id of ids) {
      const row = ui.locator(`li[data-id="${id}"]`);
      await row.getByRole("button", { name: "Cancel" }).click();
      await expect.poll(() => row.locator(".status").textContent()).toMatch(/^CANCELL(ED|ING)$/);
      await row.getByRole("button", { name: "Delete" }).click();
      await expect.poll(() => row.locator(".status").textContent()).toBe("DELETED");
    }
    for (const id of ids) {
      expect(backend.emulator.getRun(id)).toBeUndefined();
      const effects = backend.emulator.records.effects(id);
      expect([effects.cancelled, effects.deleted]).toEqual([1, 1]);
    }
    await ui.close();
  });

  it("without the session cookie the same clicks are refused with 401, and nothing changes", async () => {
    backend.reset();
    const id = await backend.seed("workflowRuns", "PROCESSING");
    const anonymous = await browser.newContext();
    const ui = await anonymous.newPage();
    await ui.goto(`${appUrl}/#${id}`);
    await ui.waitForSelector("body[data-ready=true]");
    const row = ui.locator(`li[data-id="${id}"]`);
    await row.getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => row.locator(".status").textContent()).toBe("error 401 unauthorized");
    expect(backend.emulator.getRun(id)).toBeDefined();
    expect(backend.paths()).toHaveLength(0);
    await anonymous.close();
  });
});
