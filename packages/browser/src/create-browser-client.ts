import { createClient, type ExtendClient, InvalidArgumentError } from "@extendkit/core";

/** Options of `createBrowserClient`. There is deliberately no `apiKey`. */
export interface BrowserClientOptions {
  /**
   * Where your `@extendkit/browser/proxy` handler is mounted, absolute or relative to the page
   * (`"/api/extend"`). Required.
   */
  proxyUrl: string;
  /** The `fetch` to send requests with. Default: `globalThis.fetch`, looked up per call. */
  fetch?: (request: Request) => Promise<Response>;
  /** Retries after the first attempt, for requests that are safe to retry. Default: 2. */
  maxRetries?: number;
}

// A secret key's shape: Extend keys start with `sk_`; also refuse bearer credentials.
const SECRET = /(?:^|[^A-Za-z0-9])(?:sk|rk)_[A-Za-z0-9]|bearer\s/i;

/**
 * A client for the browser: the same `client.<resource>.<method>` as `@extendkit/core`, sent to
 * `proxyUrl` with no `Authorization` header. Throws `InvalidArgumentError` when given an `apiKey`
 * (or any unknown option) or when any option looks like a secret key: a key in a page is a key
 * published to everyone who opens it.
 */
export function createBrowserClient(options: BrowserClientOptions): ExtendClient {
  const given = (options ?? {}) as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(given)) {
    if (!["proxyUrl", "fetch", "maxRetries"].includes(name)) {
      throw new InvalidArgumentError(
        `createBrowserClient: unknown option "${name.slice(0, 40)}"; the browser client never holds an API key, the proxy on your server does`,
      );
    }
    if (typeof value === "string" && SECRET.test(value)) {
      throw new InvalidArgumentError(
        `createBrowserClient: ${name} looks like a secret key; keys stay on the server, in the proxy`,
      );
    }
  }
  if (typeof given.proxyUrl !== "string" || given.proxyUrl === "") {
    throw new InvalidArgumentError("createBrowserClient: proxyUrl must be a non-empty string");
  }
  const base = (globalThis as { location?: { href: string } }).location?.href;
  if (!URL.canParse(options.proxyUrl, base)) {
    throw new InvalidArgumentError("createBrowserClient: proxyUrl is not a valid URL");
  }
  const baseUrl = new URL(options.proxyUrl, base).href.replace(/\/+$/, "");
  return createClient({
    apiKey: null,
    baseUrl,
    ...(options.fetch !== undefined && { fetch: options.fetch }),
    ...(options.maxRetries !== undefined && { maxRetries: options.maxRetries }),
  });
}
