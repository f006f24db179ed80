import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare, type MiniflareOptions } from "miniflare";

/** Before 2026-08-04, and nodejs_compat off: the Workers runtime as most Workers run it. */
export const COMPATIBILITY_DATE = "2026-03-01";

/**
 * Bundles `entry` (a file URL, or a path) for workerd as wrangler would: ESM, worker and browser
 * conditions, no Node built-ins. Resolves to the script.
 */
export async function bundleForWorkerd(entry: URL | string): Promise<string> {
  const result = await build({
    entryPoints: [entry instanceof URL ? fileURLToPath(entry) : entry],
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

/**
 * Starts workerd (through miniflare) with `script` and string bindings, at `COMPATIBILITY_DATE`
 * with no compatibility flags (so no nodejs_compat); `extra` adds miniflare options (queues, KV,
 * cron triggers).
 */
export function startWorker(
  script: string,
  bindings: Record<string, string>,
  extra: Partial<MiniflareOptions> = {},
): Miniflare {
  return new Miniflare({
    modules: true,
    script,
    compatibilityDate: COMPATIBILITY_DATE,
    compatibilityFlags: [],
    bindings,
    ...extra,
  } as MiniflareOptions);
}
