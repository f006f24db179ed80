import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/**
 * Whether the Chromium suites run. Under CI=true a missing Chromium fails the run; elsewhere the
 * suites skip with a loud message (install: apt-get update && apt-get install -y chromium).
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const message = `Chromium not found at ${CHROMIUM} (apt-get update && apt-get install -y chromium)`;
  if (process.env.CI === "true") throw new Error(`CI=true: ${message}`);
  console.warn(`\n!!! SKIPPING the Chromium suites: ${message}\n`);
  return false;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/** The page script, bundled for the browser from the built packages. */
export async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./page/app.ts", import.meta.url))],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text as string;
}

export const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>extendkit runs</title></head>
<body><h1>Runs</h1><ul id="runs"></ul><script type="module" src="/app.js"></script></body></html>`;
