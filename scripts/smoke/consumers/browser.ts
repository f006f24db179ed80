// Browser consumer, bundled by esbuild (platform browser) and run in headless Chromium: the
// browser client of @extendkit/browser, which holds no key, talking to the page's own origin,
// where the server mounts @extendkit/browser/proxy.
import { ApiError, createBrowserClient } from "@extendkit/browser";
import { VERSION } from "@extendkit/core";
import { cancelAndDelete } from "./scenario.mjs";

declare global {
  interface Window {
    smoke: Promise<unknown>;
  }
}

const runs = JSON.parse(document.getElementById("smoke-runs")?.textContent ?? "[]");
const createClient = () => createBrowserClient({ proxyUrl: "/api/extend" });
window.smoke = cancelAndDelete({ createClient, ApiError, VERSION }, { runs });
