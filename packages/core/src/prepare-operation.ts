import { addClientHeaders } from "./add-client-headers.ts";
import type { CallContext } from "./call-context.ts";
import type { ClientConfig } from "./client-config.ts";
import type { CallParams } from "./client-runtime.ts";
import { InvalidArgumentError } from "./invalid-argument-error.ts";
import { operationPath } from "./operation-path.ts";
import type { OperationSpec } from "./operation-spec.ts";
import type { PreparedRequest } from "./prepare-request.ts";

/**
 * Builds a resource call's request straight from the operation table, for the transport to send
 * without openapi-fetch in between. It produces what openapi-fetch followed by `prepareRequest`
 * would (test/direct-path.test.ts compares them): the base URL without trailing slashes, the id
 * (validated by the caller) as one percent-encoded segment, the query in form style (arrays
 * repeated, `null`/`undefined` left out, values percent-encoded), a JSON body, and the same header
 * merge (JSON content type, then the caller's headers, then the client's). The path id is the
 * only path parameter the API has.
 */
export function prepareOperation(
  config: ClientConfig,
  op: OperationSpec,
  params: CallParams,
  body: Record<string, unknown> | undefined,
  callerHeaders: Record<string, string> | undefined,
  ctx: CallContext,
): PreparedRequest {
  const path = operationPath(op, params.path?.[op.pathParams[0] as string] as string);
  const base = config.baseUrl.replace(/\/+$/, "");
  const url = base + path + querySuffix(op, params.query);
  const headers: Record<string, string> =
    body === undefined ? {} : { "content-type": "application/json" };
  for (const [name, value] of Object.entries(callerHeaders ?? {})) {
    const key = name.toLowerCase();
    if (value === null) delete headers[key];
    else if (value !== undefined) headers[key] = value;
  }
  addClientHeaders(headers, config, ctx);
  // The base URL's own path (`/v1` of `https://host/v1`), without parsing a URL per call.
  const origin = base.indexOf("/", base.indexOf("//") + 2);
  return {
    url,
    method: op.httpMethod.toUpperCase(),
    path: (origin === -1 ? "" : base.slice(origin)) + path,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

/** `?a=1&b=x%20y` from the query object (empty when nothing is set). */
function querySuffix(op: OperationSpec, query: Record<string, unknown> | undefined): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (typeof item === "object") {
        throw new InvalidArgumentError(
          `${op.operationId}: query ${JSON.stringify(name)} must be a string, number or boolean`,
        );
      }
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(item))}`);
    }
  }
  return parts.length === 0 ? "" : `?${parts.join("&")}`;
}
