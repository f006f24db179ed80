import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";

/** Before 2026-08-04, and nodejs_compat off: the Workers runtime as most Workers run it. */
export const COMPATIBILITY_DATE = "2026-03-01";

/** Bundles `entry` for workerd as wrangler would: ESM, worker/browser conditions, no Node built-ins. */
export async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["browser", "module", "main"],
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text as string;
}

/** Starts workerd (through miniflare) with `script` and string bindings; no nodejs_compat. */
export function startWorker(script: string, bindings: Record<string, string>): Miniflare {
  return new Miniflare({
    modules: true,
    script,
    compatibilityDate: COMPATIBILITY_DATE,
    compatibilityFlags: [],
    bindings,
  });
}
