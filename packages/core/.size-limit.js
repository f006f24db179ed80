// Size budgets (size-limit, `pnpm --filter @extendkit/core size`; CI runs it via turbo `size`).
// Budgets only ever move down (issue #7). Each check bundles a realistic consumer with esbuild,
// minified, and measures it gzipped. `pnpm size:why` at the root shows what the bytes are.

/** esbuild as a Worker bundler (wrangler) resolves: ESM out, worker conditions, no Node built-ins. */
const asWorker = (config) => ({
  ...config,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  conditions: ["workerd", "worker", "browser", "import"],
  mainFields: ["module", "main"],
});

export default [
  {
    name: "Worker that cancels and deletes every run type (@extendkit/core, workerd)",
    path: "size/cancel-delete-worker.ts",
    modifyEsbuildConfig: asWorker,
    gzip: true,
    limit: "6 KB",
  },
];
