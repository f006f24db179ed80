/**
 * @module
 * Server side of `@extendkit/browser`: `createProxyHandler`, a `(Request) => Promise<Response>`
 * that holds the API key and forwards only allowed run operations to Extend. Mount it in Node
 * (`toNodeHandler` of `@extendkit/node`), `Deno.serve`, a Worker's `fetch`, or any fetch router.
 * Never import this entry into browser code.
 */
export { createProxyHandler } from "./create-proxy-handler.ts";
export {
  type AuthorizeResult,
  DEFAULT_ALLOW,
  type ProxyLogEntry,
  type ProxyOptions,
  type ProxyTarget,
  type RateLimitOptions,
} from "./proxy-options.ts";
