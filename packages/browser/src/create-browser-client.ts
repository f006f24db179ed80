import {
  type ClientOptions,
  createLiteClient,
  InvalidArgumentError,
  type RunsClient,
  withRuns,
} from "@extendkit/core";

/** Core options that carry no credential and mean the same in a browser. */
const PASSED = [
  "fetch",
  "maxRetries",
  "timeout",
  "totalTimeout",
  "maxRetryAfter",
  "strictIds",
  "logger",
  "logLevel",
] as const;

/**
 * Options of `createBrowserClient`. There is deliberately no `apiKey`. `fetch`, `maxRetries`,
 * `timeout`, `totalTimeout`, `maxRetryAfter`, `strictIds`, `logger` and `logLevel` mean what they
 * mean in `@extendkit/core` and have its defaults.
 */
export interface BrowserClientOptions
  extends Partial<Pick<ClientOptions, (typeof PASSED)[number]>> {
  /**
   * Where your `@extendkit/browser/proxy` handler is mounted, absolute or relative to the page
   * (`"/api/extend"`). Required.
   */
  proxyUrl: string;
}

// A secret key's shape: Extend keys start with "sk" and an underscore; also refuse bearer credentials.
const SECRET = /(?:^|[^A-Za-z0-9])(?:sk|rk)_[A-Za-z0-9]|bearer\s/i;

/**
 * The browser client: `@extendkit/core`'s lite client (every `client.<resource>.<method>`, list
 * methods resolving to one page) plus `client.runs` (retrieve, cancel, delete and waitFor of any
 * run by id). No `raw`, middleware or bulk helpers: they stay on the server, out of the page.
 */
export type BrowserClient = RunsClient;

/**
 * A client for the browser: the same `client.<resource>.<method>` as `@extendkit/core`, sent to
 * `proxyUrl` with no `Authorization` header. Throws `InvalidArgumentError` when given an `apiKey`
 * (or any unknown option) or when any option looks like a secret key: a key in a page is a key
 * published to everyone who opens it.
 */
export function createBrowserClient(options: BrowserClientOptions): BrowserClient {
  const given = (options ?? {}) as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(given)) {
    if (name !== "proxyUrl" && !(PASSED as readonly string[]).includes(name)) {
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
  const passed = Object.fromEntries(PASSED.filter((k) => k in given).map((k) => [k, given[k]]));
  return createLiteClient({ ...passed, apiKey: null, baseUrl }, withRuns);
}
