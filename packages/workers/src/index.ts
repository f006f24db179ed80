/**
 * @module
 * Cloudflare Workers adapter of extendkit: `createClient(env)` configured from the Worker's
 * bindings, and everything else of `@extendkit/core`.
 */
export * from "@extendkit/core";
export { createClient, type ExtendEnv, WORKERS_MAX_CONCURRENCY } from "./create-client.ts";
