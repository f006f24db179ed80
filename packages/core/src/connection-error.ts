import { ExtendError } from "./extend-error.ts";

/** Where a transport failure happened and how far the call got. */
export interface ConnectionErrorInit {
  method: string;
  path: string;
  /** Attempts made, retries included. */
  attempts: number;
  /**
   * True when the request may have reached the server (reset after sending, timeout, body cut off),
   * so a non-idempotent call may have taken effect. False when it certainly was not sent
   * (connection refused, DNS failure).
   */
  outcomeUnknown: boolean;
  /** The runtime's error code (`ECONNRESET`, `ECONNREFUSED`, …), when the cause chain has one. */
  code?: string;
  cause?: unknown;
}

/** No complete response: network failure, connection reset, or a response body cut off. */
export class ConnectionError extends ExtendError {
  override name = "ConnectionError";
  declare readonly method: string;
  declare readonly path: string;
  declare readonly attempts: number;
  declare readonly outcomeUnknown: boolean;
  declare readonly code: string | undefined;

  constructor(message: string, init: ConnectionErrorInit) {
    // Every field of `init` (a subclass's own ones too) becomes a property; `cause` is the standard one.
    super(
      `${init.method} ${init.path}: ${message}${init.code === undefined ? "" : ` (${init.code})`}`,
      init,
      init,
    );
  }
}
