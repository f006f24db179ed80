import type { CallContext } from "./call-context.ts";
import type { ClientConfig } from "./client-config.ts";
import { setVersionHeaders } from "./set-version-headers.ts";

/** A request reduced to what every attempt re-sends identically (reliability A17). */
export interface PreparedRequest {
  readonly url: string;
  readonly method: string;
  /** Path without origin or query, for messages and logs. */
  readonly path: string;
  /** Caller headers plus credentials, version, workspace and idempotency key. */
  readonly headers: Headers;
  /** Read once, so it can be sent again. */
  readonly body: ArrayBuffer | undefined;
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
  const headers = new Headers(request.headers);
  if (config.apiKey === null) headers.delete("authorization");
  else headers.set("authorization", `Bearer ${config.apiKey}`);
  headers.set("x-extend-api-version", config.apiVersion);
  setVersionHeaders(headers);
  if (config.workspaceId !== undefined) headers.set("x-extend-workspace-id", config.workspaceId);
  else headers.delete("x-extend-workspace-id");
  if (ctx.idempotencyKey !== undefined) headers.set("idempotency-key", ctx.idempotencyKey);
  const body = request.body === null ? undefined : await request.arrayBuffer();
  return {
    url: request.url,
    method: request.method.toUpperCase(),
    path: new URL(request.url).pathname,
    headers,
    body,
  };
}
