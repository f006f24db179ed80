/**
 * @module
 * Node adapter of extendkit: `createClient` configured from `process.env`, `toNodeHandler` to
 * mount any fetch handler (such as `@extendkit/browser/proxy`) on node:http or Express,
 * `verifyWebhook` with node:crypto's HMAC, and everything else of `@extendkit/core`.
 */
export * from "@extendkit/core";
export { createClient } from "./create-client.ts";
export { type FetchHandler, type NodeHandler, toNodeHandler } from "./to-node-handler.ts";
// Shadows core's `verifyWebhook` from the star export above (a local export wins).
export { verifyWebhook } from "./verify-webhook.ts";
