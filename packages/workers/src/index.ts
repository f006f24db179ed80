/**
 * @module
 * Cloudflare Workers adapter of extendkit: `createClient(env)`, `createLiteClient(env)` and `createTinyClient(env)`
 * configured from the Worker's bindings, and everything else of `@extendkit/core`.
 */
export * from "@extendkit/core";
export { createClient, type ExtendEnv } from "./create-client.ts";
export { createLiteClient } from "./create-lite-client.ts";
export { createTinyClient } from "./create-tiny-client.ts";
export { WORKERS_MAX_CONCURRENCY } from "./worker-options.ts";
