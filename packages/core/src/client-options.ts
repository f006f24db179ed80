import type { Clock } from "./clock.ts";
import type { Logger, LogLevel } from "./logger.ts";

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
  /** Retries after the first attempt, for requests that are safe to retry (see README "Retries"). Default: 2. */
  maxRetries?: number;
  /**
   * Most requests of this client in flight at once; further ones wait for a free slot (sleeping
   * retries hold none). Cloudflare Workers allow 6 open connections per invocation, so
   * the Workers adapter sets 6. Default: no limit.
   */
  maxConcurrency?: number;
  /** Per-attempt limit in ms, covering headers and body. Default: 60 000 (300 000 for the synchronous root methods). */
  timeout?: number;
  /** Limit in ms for a whole call: every attempt and every wait between them. Default: 600 000. */
  totalTimeout?: number;
  /** Longest server-advised wait (Retry-After) the client will sleep, in ms; a longer one fails at once with `retryAfterMs` on the error. Default: 60 000. */
  maxRetryAfter?: number;
  /** Also check that each run id has its resource's prefix (`exr_` for `extractRuns`, …) before sending. Default: false. */
  strictIds?: boolean;
  /**
   * Send a generated `Idempotency-Key` (one per call, the same on every attempt) with run-creating
   * POSTs, which then retry like GETs. Enable only against a server that honours the header;
   * Extend does not document it for 2026-02-09. Default: false.
   */
  idempotencyKeys?: boolean;
  /**
   * Tokens of the client-wide retry budget: each retry spends 5 (10 after a timeout), each call that
   * succeeds earns back what its last retry cost (1 if it needed none). When the budget is empty,
   * failures are not retried, so an outage does not multiply the load. `false`: no budget. Default: 500.
   */
  retryBudget?: number | false;
  /** Send `x-extendkit-retry-count` (0, 1, 2, …) on every attempt. Default: true. */
  retryCountHeader?: boolean;
  /** Where to log (`console` fits). Lines never hold the API key. Default: none (nothing is logged). */
  logger?: Logger;
  /** Lowest level passed to `logger`. Default: `"info"`. */
  logLevel?: LogLevel;
  /** Time source for timeouts, backoff and polling; inject a virtual clock in tests. Default: the system clock. */
  clock?: Clock;
  /** Random source in [0, 1) for backoff jitter; inject a seeded one for reproducible runs. Default: `Math.random`. */
  random?: () => number;
}

/** Defaults of `ClientOptions`, in one place. */
export const DEFAULT_BASE_URL = "https://api.extend.ai";
export const DEFAULT_API_VERSION = "2026-02-09";
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_TIMEOUT = 60_000;
export const DEFAULT_SYNC_TIMEOUT = 300_000;
export const DEFAULT_TOTAL_TIMEOUT = 600_000;
export const DEFAULT_MAX_RETRY_AFTER = 60_000;
export const DEFAULT_RETRY_BUDGET = 500;
