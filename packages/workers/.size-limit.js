// Size budget of a Worker (size-limit; `pnpm size` at the root runs every package's, CI runs them in
// `release:dry`). Each check bundles a realistic consumer with esbuild, minified, gzipped.
// `pnpm size:why` at the root shows which modules the bytes are.
//
// Issue #7 sets the target: a Worker that cancels and deletes every run type ≤ 6 kB gzip. Today's
// core is far above it (RELEASING.md "Size budgets" has the figures and the plan), so CI enforces a
// ratchet at today's size instead: it may only ever be lowered, down to the target. Raising it
// needs the lead's sign-off in the PR.
const TARGET = "6 kB";
// Raised from 13.9 kB on 2026-11-23 by the lead: the bulk helpers of issue #9 (client.runs.deleteMany,
// cancelMany, find) are part of every createClient and added ~5.9 kB; the plan to make them separately
// importable is in RELEASING.md. The target did not move.
const RATCHET = "19.9 kB";

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
    name: `Worker that cancels and deletes every run type, @extendkit/workers (target ${TARGET}, ratchet ${RATCHET})`,
    path: "size/cancel-delete-worker.ts",
    modifyEsbuildConfig: asWorker,
    gzip: true,
    limit: RATCHET,
  },
];
