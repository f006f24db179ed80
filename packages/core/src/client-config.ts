import type { Clock } from "./clock.ts";
import type { Redactor } from "./create-redactor.ts";
import type { Log } from "./logger.ts";
import type { RetryBudget } from "./retry-budget.ts";

/** `ClientOptions` after validation and defaults: what every layer of the client reads. */
export interface ClientConfig {
  /** Null: send no credentials (a proxy adds them). */
  readonly apiKey: string | null;
  readonly baseUrl: string;
  readonly apiVersion: string;
  readonly workspaceId: string | undefined;
  readonly fetch: (request: Request) => Promise<Response>;
  /**
   * True when `fetch` is the platform's own `globalThis.fetch`, unwrapped (no `fetch` option, no
   * `maxConcurrency`): the transport then calls `globalThis.fetch(url, init)` and skips building a
   * `Request` of its own, which the platform would only copy into another one.
   */
  readonly platformFetch: boolean;
  readonly maxRetries: number;
  /** Undefined: the per-kind default (`DEFAULT_TIMEOUT`, or `DEFAULT_SYNC_TIMEOUT` for sync). */
  readonly timeout: number | undefined;
  readonly totalTimeout: number;
  readonly maxRetryAfter: number;
  readonly strictIds: boolean;
  readonly idempotencyKeys: boolean;
  readonly retryCountHeader: boolean;
  readonly budget: RetryBudget;
  readonly clock: Clock;
  readonly random: () => number;
  readonly log: Log;
  readonly redactor: Redactor;
}
