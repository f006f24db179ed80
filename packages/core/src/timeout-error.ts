import { ConnectionError, type ConnectionErrorInit } from "./connection-error.ts";

/**
 * An attempt took longer than `timeout` (headers and body together), or the call's overall
 * `totalTimeout` ran out. Retryable like any connection failure; a caller's abort is an
 * `AbortError` instead and is never retried.
 */
export class TimeoutError extends ConnectionError {
  override name = "TimeoutError";
  /** The limit that fired, in milliseconds. */
  declare readonly timeoutMs: number;
  /** `"attempt"`: the per-attempt `timeout`; `"total"`: the call's `totalTimeout`. */
  declare readonly limit: "attempt" | "total";

  constructor(init: ConnectionErrorInit & { timeoutMs: number; limit: "attempt" | "total" }) {
    super(
      `no complete response within ${init.timeoutMs} ms (${init.limit === "attempt" ? "timeout" : "totalTimeout"})`,
      init,
    );
  }
}
