// Size budgets of a Worker (size-limit; `pnpm size` at the root runs every package's, CI runs them in
// `release:dry`). Each check bundles a realistic consumer with esbuild, minified, gzipped.
// `pnpm size:why [fixture]` at the root shows which modules the bytes are.
//
// Issue #7 sets the budget: a Worker that cancels and deletes every run type ≤ 6 kB gzip. Since
// 2026-12-03 (session 8) it is built with `createTinyClient` (run-id methods only: retrieve/get,
// cancel, delete), which meets it. Until then it was built with `createLiteClient` and held by a
// ratchet (9.5 kB), because the lite client's call path alone is over 6 kB (bench/analysis.md);
// that ratchet now guards the lite client's Worker below. Budgets only ever move down.
const BUDGET = "6 kB";
// The same Worker with `createLiteClient` (every resource method, logging, `maxConcurrency`, the
// retry budget, cancel reconciliation): no target of its own, a ratchet so it does not grow
// unnoticed. Its history, from when it was issue #7's fixture:
// Lowered from 19.9 kB on 2026-11-23: the lite client and the compact operation table.
// Lowered from 9.9 kB (size-trim): shared option checks, derived operation paths, shorter messages.
// Lowered from 9.7 kB on 2026-12-03: every error class assigns its fields in one base constructor.
// Lowered from 9.6 kB on 2026-12-03 (session 6): option checks from one table, the retry gate in the
// retry loop, compacter error helpers (9.45 kB); then set to 9.5 kB the same session, before any
// release, for a correctness fix that costs 66 B: a call whose retried attempt may have landed now
// fails with `outcomeUnknown` (the single-call fault matrix found DELETEs that had deleted the run
// failing as a plain 429/503). Net for the session: 9.6 → 9.5 kB. Flagged for the lead.
// Raised to 9.55 kB on 2026-12-03 (session 8, before any release), when this was no longer an
// issue #7 budget but a guard, for a correctness fix that costs 42 B (9,490 → 9,532 B): a parse run
// that our cancel ended `FAILED` with `failureReason: "ABORTED"` counts as cancelled
// (`cancelStatusOf`; the switch matrix found cancels that took effect reported as
// NotCancellableError under the emulator's `parseCancel: "FAILED"`). Flagged for the lead.
const LITE_RATCHET = "9.55 kB";
// The same Worker with the full `createClient` (bulk helpers, waitFor, pagination, runs router, raw
// and openapi-fetch): no target of its own, a ratchet so it does not grow unnoticed.
// Set at 19.7 kB on 2026-11-23 (session 3), when this guard was introduced, and raised by the lead
// the same day to 19.8 kB: correctness fixes made after it was set (attempt signals that never cross
// a Worker's requests, one abort listener per shared caller signal) added ~0.1 kB to every client.
// This guard is not one of issue #7's budgets, which only moved down.
// Lowered from 19.8 kB on 2026-12-03 (error classes, as above), and from 19.7 kB the same day
// (session 6, as above: 19.5 kB, then 19.6 kB with the outcomeUnknown fix; net 19.7 → 19.6 kB).
// Raised to 19.65 kB on 2026-12-03 (session 8, before any release) for the same fix as the lite
// guard (19,569 → 19,623 B: it also reaches cancelMany). Flagged for the lead.
const FULL_RATCHET = "19.65 kB";
// A Worker that only receives webhooks (`verifyWebhook`, no client): no target of its own, a
// guard so verification stays small. Introduced on 2026-12-03 (session 7) at 2.5 kB (2,447 B) and
// set to 2.75 kB the same session, before any release, once verification had its final shape
// (2,746 B, then 2,730 B with its byte joining shared): the imported key cached per secret, the
// HMAC pluggable (`hmacSha256`, which `@extendkit/node` fills with Node's crypto) and compared
// here in constant time, and a body that is not raw (a parsed object) refused with a clear error.
const WEBHOOK_GUARD = "2.75 kB";

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
    name: `Worker that cancels and deletes every run type, createTinyClient (budget ${BUDGET})`,
    path: "size/cancel-delete-worker.ts",
    modifyEsbuildConfig: asWorker,
    gzip: true,
    limit: BUDGET,
  },
  {
    name: `The same Worker with createLiteClient (ratchet ${LITE_RATCHET})`,
    path: "size/lite-client-worker.ts",
    modifyEsbuildConfig: asWorker,
    gzip: true,
    limit: LITE_RATCHET,
  },
  {
    name: `The same Worker with the full createClient (ratchet ${FULL_RATCHET})`,
    path: "size/full-client-worker.ts",
    modifyEsbuildConfig: asWorker,
    gzip: true,
    limit: FULL_RATCHET,
  },
  {
    name: `A Worker that only verifies webhook deliveries (guard ${WEBHOOK_GUARD})`,
    path: "size/webhook-worker.ts",
    modifyEsbuildConfig: asWorker,
    gzip: true,
    limit: WEBHOOK_GUARD,
  },
];
