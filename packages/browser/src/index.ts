/**
 * @module
 * Browser entry of extendkit: `createBrowserClient({ proxyUrl })`, a client with every resource
 * method that sends no credentials; your server's `@extendkit/browser/proxy` adds them. It holds
 * no API key and has no option for one.
 */
export type * from "@extendkit/core";
export { ApiError, ExtendError, InvalidArgumentError } from "@extendkit/core";
export { type BrowserClientOptions, createBrowserClient } from "./create-browser-client.ts";
