/** Options of `createClient`. Only `apiKey` is required. */
export interface ClientOptions {
  /**
   * Extend API key, sent as `Authorization: Bearer …`. Never logged or included in errors.
   * `null` sends no credentials at all: for a `baseUrl` that is a proxy adding them server-side
   * (`@extendkit/browser`); `baseUrl` is then required.
   */
  apiKey: string | null;
  /** API origin. Default: `https://api.extend.ai` (US1); also `https://api.us2.extend.app`, `https://api.eu1.extend.ai`. */
  baseUrl?: string;
  /** Value of `x-extend-api-version`. Default: `2026-02-09`, the version the types describe. */
  apiVersion?: string;
  /** Value of `x-extend-workspace-id`; required by organization-scoped keys. Default: not sent. */
  workspaceId?: string;
  /** The `fetch` to send requests with (tests pass an emulator's). Default: `globalThis.fetch`, looked up per call. */
  fetch?: (request: Request) => Promise<Response>;
  /** Retries after the first attempt, for requests that are safe to retry. Default: 2. */
  maxRetries?: number;
  /**
   * Most requests of this client in flight at once; further ones wait for a free slot (sleeping
   * retries hold none). Cloudflare Workers allow 6 open connections per invocation, so
   * `@extendkit/workers` sets 6. Default: no limit.
   */
  maxConcurrency?: number;
}

/** Defaults of `ClientOptions`, in one place. */
export const DEFAULT_BASE_URL = "https://api.extend.ai";
export const DEFAULT_API_VERSION = "2026-02-09";
export const DEFAULT_MAX_RETRIES = 2;
