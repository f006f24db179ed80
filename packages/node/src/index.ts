/**
 * @module
 * Node adapter of extendkit: `createClient` configured from `process.env`, `toNodeHandler` to
 * mount any fetch handler (such as `@extendkit/browser/proxy`) on node:http or Express, and
 * everything else of `@extendkit/core`.
 */
export * from "@extendkit/core";
export { createClient } from "./create-client.ts";
export { type FetchHandler, type NodeHandler, toNodeHandler } from "./to-node-handler.ts";
