/**
 * @module
 * The sample inside a web page: a client from `@extendkit/browser`, which holds no API key and
 * sends every call to the proxy the host mounts at `/api/extend` (the host's
 * `@extendkit/browser/proxy` adds the key). The config comes from `/config.json`; each event goes
 * to `window.sampleReport`, which the host exposes through Playwright.
 */
import { createBrowserClient, withRuns } from "@extendkit/browser";
import { runInRuntime } from "../run-in-runtime.ts";
import type { RuntimeConfig } from "../runtime-config.ts";
import type { SampleEvent } from "../step-result.ts";

declare global {
  interface Window {
    sampleReport(event: SampleEvent): Promise<void>;
  }
}

const config = (await (await fetch("/config.json")).json()) as RuntimeConfig;
const client = createBrowserClient({ proxyUrl: "/api/extend" }, withRuns);
await runInRuntime(client, config, (event) => window.sampleReport(event));
