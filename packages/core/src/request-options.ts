/** Per-call options, the last argument of every resource method. */
export interface RequestOptions {
  /** Aborts the call, including any wait between attempts; the call rejects with `AbortError`. Default: none. */
  signal?: AbortSignal;
  /**
   * Extra request headers for this call. `Authorization`, `x-extend-api-version` and
   * `x-extend-workspace-id` always come from the client options and cannot be overridden here.
   * Default: none.
   */
  headers?: Record<string, string>;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
  /** Overrides the client's per-attempt `timeout` (ms) for this call. */
  timeout?: number;
  /** Overrides the client's `totalTimeout` (ms) for this call. */
  totalTimeout?: number;
  /**
   * `Idempotency-Key` for a run-creating call; kept on every attempt, and lets the call retry like
   * a GET. Default: none (or a generated one with the client option `idempotencyKeys`).
   */
  idempotencyKey?: string;
  /** List methods only: stop with `PaginationError` after this many pages. Default: 10 000. */
  maxPages?: number;
}
