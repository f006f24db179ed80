/** Per-call options, the last argument of every resource method. */
export interface RequestOptions {
  /** Aborts the call, including any wait between attempts. Default: none. */
  signal?: AbortSignal;
  /**
   * Extra request headers for this call. `Authorization`, `x-extend-api-version` and
   * `x-extend-workspace-id` always come from the client options and cannot be overridden here.
   * Default: none.
   */
  headers?: Record<string, string>;
}
