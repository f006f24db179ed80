import {
  createFinalURL,
  createQuerySerializer,
  defaultBodySerializer,
  mergeHeaders,
  removeTrailingSlash,
} from "openapi-fetch";
import { addClientHeaders } from "./add-client-headers.ts";
import type { CallContext } from "./call-context.ts";
import type { ClientConfig } from "./client-config.ts";
import type { OperationSpec } from "./operation-spec.ts";
import type { PreparedRequest } from "./prepare-request.ts";
import { serializePath } from "./serialize-path.ts";

const querySerializer = createQuerySerializer();
const serializeBody = defaultBodySerializer as (body: unknown, headers?: Headers) => string;

/**
 * Builds a resource call's request straight from the operation table, for the transport to send
 * without openapi-fetch in between (used while no middleware is registered). It produces what
 * openapi-fetch followed by `prepareRequest` would: the same URL (openapi-fetch's own URL, query
 * and body serializers, `serializePath` for the id), the same header merge (JSON content type,
 * then the caller's headers, then the client's), but builds no `Request` of its own.
 */
export function prepareOperation(
  config: ClientConfig,
  op: OperationSpec,
  params: { path?: Record<string, unknown>; query?: Record<string, unknown> },
  body: Record<string, unknown> | undefined,
  callerHeaders: Record<string, string> | undefined,
  ctx: CallContext,
): PreparedRequest {
  const url = createFinalURL(op.path, {
    baseUrl: removeTrailingSlash(config.baseUrl),
    params,
    querySerializer,
    pathSerializer: serializePath,
  });
  const serialized =
    body === undefined ? undefined : serializeBody(body, mergeHeaders(callerHeaders));
  const headers = mergeHeaders(
    serialized === undefined ? {} : { "Content-Type": "application/json" },
    callerHeaders,
  );
  addClientHeaders(headers, config, ctx);
  return {
    url,
    method: op.httpMethod.toUpperCase(),
    path: new URL(url).pathname,
    headers,
    body: serialized,
  };
}
