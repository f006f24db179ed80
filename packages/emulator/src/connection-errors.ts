/**
 * In-process stand-ins for broken connections, shaped like the errors `fetch` gives in Node
 * (undici): a `TypeError` whose `cause` carries `code: "ECONNRESET"`. The HTTP server turns the
 * same faults into real socket resets.
 */
export class ConnectionResetError extends Error {
  readonly code = "ECONNRESET";
  constructor(message: string) {
    super(message);
    this.name = "ConnectionResetError";
  }
}

/** The rejection of `fetch` when the connection is reset before any response. */
export function resetBeforeResponse(): TypeError {
  return new TypeError("fetch failed", {
    cause: new ConnectionResetError("emulator: connection reset before the response (fault)"),
  });
}

/** The error of a response body whose connection is reset mid-body. */
export function resetMidBody(): TypeError {
  return new TypeError("terminated", {
    cause: new ConnectionResetError("emulator: connection reset mid-body (fault)"),
  });
}

/** True for either error above (e.g. in a server adapter deciding to destroy the socket). */
export function isConnectionReset(error: unknown): boolean {
  return error instanceof TypeError && error.cause instanceof ConnectionResetError;
}
