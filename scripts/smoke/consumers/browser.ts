// Browser consumer, bundled by esbuild (platform browser) and run in headless Chromium. The page
// talks to a same-origin proxy that adds the credentials server-side: the browser never has a key.
import * as core from "@extendkit/core";
import { cancelAndDelete } from "./scenario.mjs";

declare global {
  interface Window {
    smoke: Promise<unknown>;
  }
}

const runs = JSON.parse(document.getElementById("smoke-runs")?.textContent ?? "[]");
window.smoke = cancelAndDelete(core, {
  clientOptions: { apiKey: null, baseUrl: `${location.origin}/api` },
  runs,
});
