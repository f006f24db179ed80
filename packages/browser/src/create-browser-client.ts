import {
  buildResources,
  DEFAULT_TIMEOUT,
  InvalidArgumentError,
  type InvokeOperation,
  type LiteClient,
  operationTable,
  sortArguments,
} from "@extendkit/core";
import { callThroughProxy, type ProxyTarget } from "./call-through-proxy.ts";

/**
 * Options of `createBrowserClient`. There is deliberately no `apiKey`, and no retry options: the
 * proxy retries upstream (`createProxyHandler`'s `maxRetries`), next to the API.
 */
export interface BrowserClientOptions {
  /**
   * Where your `@extendkit/browser/proxy` handler is mounted, absolute or relative to the page
   * (`"/api/extend"`). Required.
   */
  proxyUrl: string;
  /**
   * The fetch used, called unbound with one `Request` (as in core). Default: `globalThis.fetch`,
   * looked up per call.
   */
  fetch?: (request: Request) => Promise<Response>;
  /** Deadline of one call in ms, answer included; later → `TimeoutError`. Default: 60 000. */
  timeout?: number;
}

/** Every option and the type its value must have (proxyUrl: a URL too). */
const OPTIONS: Record<string, string> = {
  proxyUrl: "string",
  fetch: "function",
  timeout: "number",
};
// A secret key's shape: Extend keys start with "sk" and an underscore; bearer credentials too.
const SECRET = /(?:^|[^A-Za-z0-9])(?:sk|rk)_[A-Za-z0-9]|bearer\s/i;

/**
 * The browser client: every `client.<resource>.<method>` of `@extendkit/core` (list methods
 * resolve to one page). `client.runs` (any run by id) comes with the `withRuns` extension and
 * polling with `waitForRun`, each bundled only by pages that import it. No `raw`, middleware or
 * bulk helpers: they stay on the server, out of the page.
 */
export type BrowserClient = LiteClient;

/**
 * Something a browser client can be extended with: a function of the client's call path
 * (`invoke`, one call through the proxy) returning the properties to add (`withRuns` adds `runs`).
 */
export type BrowserExtension<E extends object> = (invoke: InvokeOperation) => E;

/**
 * A client for the browser: the same `client.<resource>.<method>` as `@extendkit/core`, each call
 * one request to `proxyUrl` with no `Authorization` header (`callThroughProxy`), with the
 * properties of `extend` added (`createBrowserClient(options, withRuns)`). Throws
 * `InvalidArgumentError` when given an `apiKey` (or any unknown option), when any option looks
 * like a secret key (a key in a page is a key published to everyone who opens it), or when an
 * option has the wrong type.
 */
export function createBrowserClient(options: BrowserClientOptions): BrowserClient;
export function createBrowserClient<E extends object>(
  options: BrowserClientOptions,
  extend: BrowserExtension<E>,
): BrowserClient & E;
export function createBrowserClient(
  options: BrowserClientOptions,
  extend?: BrowserExtension<object>,
): BrowserClient {
  const { proxyUrl, fetch, timeout = DEFAULT_TIMEOUT } = options ?? {};
  const base = (globalThis as { location?: { href: string } }).location?.href;
  for (const [name, value] of Object.entries({ ...options, proxyUrl })) {
    const problem = !Object.hasOwn(OPTIONS, name)
      ? "is not an option (the proxy holds the key and retries)"
      : typeof value === "string" && SECRET.test(value)
        ? "looks like a key: keys stay in the proxy"
        : (value !== undefined || name === "proxyUrl") && typeof value !== OPTIONS[name]
          ? `must be a ${OPTIONS[name]}`
          : name === "proxyUrl" && (proxyUrl === "" || !URL.canParse(proxyUrl, base))
            ? "must be a URL"
            : name === "timeout" && !(timeout > 0 && timeout < 2 ** 31)
              ? "must be 1 to 2147483647 ms"
              : undefined;
    if (problem) {
      throw new InvalidArgumentError(`createBrowserClient: ${name.slice(0, 40)} ${problem}`);
    }
  }
  const target: ProxyTarget = {
    baseUrl: new URL(proxyUrl, base).href.replace(/\/+$/, ""),
    fetch: fetch
      ? (url, init) => fetch(new Request(url, init))
      : (url, init) => globalThis.fetch(url, init),
    timeout,
  };
  const invoke: InvokeOperation = (op, call) => callThroughProxy(target, op, call);
  const resources = buildResources(
    operationTable,
    (op) =>
      (...args) =>
        invoke(op, sortArguments(op, args)),
  );
  return Object.assign(resources, extend?.(invoke)) as unknown as BrowserClient;
}
