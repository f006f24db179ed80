// Builds dist/ with esbuild: the Node host (main.js, its lazily loaded chunks) and one
// self-contained bundle per out-of-process runtime. Each bundle resolves the workspace packages
// by name, i.e. their built dist, so turbo builds them first (`^build`).
//   main.js     Node: the CLI, runtime launchers and emulator host; npm packages stay external
//   deno.js     Deno: the sample with @extendkit/deno, everything inlined
//   worker.js   workerd: the sample with @extendkit/workers, everything inlined, no Node built-ins
//   browser.js  Chromium: the sample with @extendkit/browser (no key, no proxy code)
import { rm } from "node:fs/promises";
import { build } from "esbuild";

const common = { bundle: true, format: "esm", logLevel: "warning", legalComments: "none" };
const standalone = { ...common, target: "es2022", outdir: "dist" };

await rm("dist", { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: { main: "src/host/main.ts" },
    platform: "node",
    target: "node20",
    packages: "external",
    splitting: true,
    chunkNames: "chunk-[hash]",
    outdir: "dist",
  }),
  build({
    ...standalone,
    entryPoints: { deno: "src/runtimes/deno-entry.ts" },
    platform: "neutral",
    conditions: ["deno"],
    mainFields: ["module", "main"],
  }),
  build({
    ...standalone,
    entryPoints: { worker: "src/runtimes/worker-entry.ts" },
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
  }),
  build({
    ...standalone,
    entryPoints: { browser: "src/runtimes/browser-entry.ts" },
    platform: "browser",
  }),
]);
