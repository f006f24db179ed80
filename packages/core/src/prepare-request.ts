import { addClientHeaders } from "./add-client-headers.ts";
import type { CallContext } from "./call-context.ts";
import type { ClientConfig } from "./client-config.ts";

/** A request reduced to what every attempt re-sends identically (reliability A17). */
export interface PreparedRequest {
  readonly url: string;
  readonly method: string;
  /** Path without origin or query, for messages and logs. */
  readonly path: string;
  /**
   * Caller headers plus credentials, version, workspace and idempotency key, by lower-case name.
   * Each attempt's `Request` copies them; `sendAttempt` sets `x-extendkit-retry-count` here first.
   */
  readonly headers: Record<string, string>;
  /** Read once (or serialized once), so it can be sent again. */
  readonly body: ArrayBuffer | string | undefined;
}

/**
 * Reads openapi-fetch's request once and adds the client's headers. The API key is added here,
 * beneath openapi-fetch, so middleware and `client.raw` callers never see it; per-call headers
 * cannot replace it, the versions or the workspace.
 */
export async function prepareRequest(
  request: Request,
  config: ClientConfig,
  ctx: CallContext,
): Promise<PreparedRequest> {
  const headers = Object.fromEntries(request.headers);
  addClientHeaders(headers, config, ctx);
  const body = request.body === null ? undefined : await request.arrayBuffer();
  return {
    url: request.url,
    method: request.method.toUpperCase(),
    path: new URL(request.url).pathname,
    headers,
    body,
  };
}
