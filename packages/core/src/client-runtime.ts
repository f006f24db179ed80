import type { CallContext } from "./call-context.ts";
import type { ClientConfig } from "./client-config.ts";
import type { OperationSpec } from "./operation-spec.ts";

/** A call's parameters as openapi-fetch takes them: the path id and the query. */
export interface CallParams {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
}

/** What a sent call came back with: status line, headers, and the parsed body (2xx) or error body. */
export interface CallAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: unknown;
}

/**
 * Sends a call through openapi-fetch so registered middleware sees it; resolves to undefined,
 * without sending, when no middleware is registered (the call then goes straight to the transport).
 * Only the full client (`createClient`, `createBaseClient`) has one: the lite client has no
 * middleware and so never bundles openapi-fetch.
 */
export type MiddlewarePath = (
  op: OperationSpec,
  params: CallParams,
  body: Record<string, unknown> | undefined,
  headers: Record<string, string> | undefined,
  ctx: CallContext,
) => Promise<CallAnswer> | undefined;

/** What a client's methods share: the resolved config, and the middleware path if the client has one. */
export interface ClientRuntime {
  readonly config: ClientConfig;
  readonly viaMiddleware?: MiddlewarePath;
}
