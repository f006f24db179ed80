import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { BENCH_DIR, CACHE_DIR } from "./section.ts";

/**
 * Compiles the child-process scripts and the contender modules to plain ESM under `bench/.cache/`,
 * so child processes run on bare `node` (Node 20 cannot run TypeScript, and a loader would distort
 * cold starts). Packages stay external: a child imports `@extendkit/core`, `extend-ai`, … from
 * node_modules exactly as a user's program would.
 */
export async function buildChildren(): Promise<void> {
  const src = (path: string) => fileURLToPath(new URL(`src/${path}`, BENCH_DIR));
  await build({
    entryPoints: [
      src("child/cold-start.ts"),
      src("child/peak-rss.ts"),
      src("child/emulator-server.ts"),
      src("contenders/extendkit.ts"),
      src("contenders/raw-fetch.ts"),
      src("contenders/openapi-fetch.ts"),
      src("contenders/extend-ai.ts"),
    ],
    outdir: fileURLToPath(CACHE_DIR),
    outbase: src(""),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
}

/** Path of a compiled child script or contender module, e.g. `child/cold-start.mjs`. */
export function cachePath(relative: string): string {
  return fileURLToPath(new URL(relative, CACHE_DIR));
}
