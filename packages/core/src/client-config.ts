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
   * How an attempt sends, chosen once: with no `fetch` option and no `maxConcurrency`, the
   * platform's own `globalThis.fetch(url, init)`, so only the platform builds a `Request` (it would
   * copy one of ours into another); otherwise `fetch` above, given a `Request`, as
   * `ClientOptions.fetch` promises. Either is called unbound (a runtime's own fetch throws when
   * `this` is not the global object: conformance H2).
   */
  readonly send: (url: string, init: RequestInit) => Promise<Response>;
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
