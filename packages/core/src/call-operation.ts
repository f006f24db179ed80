import type { Client } from "openapi-fetch";
import { ApiError } from "./api-error.ts";
import type { paths } from "./generated/openapi.ts";
import type { OperationSpec } from "./operation-spec.ts";
import type { RequestOptions } from "./request-options.ts";

/** openapi-fetch's `request`, loosened: the operation table, not the type checker, pairs paths and methods. */
type LooseRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** The arguments of one resource method call, already sorted by `resourceMethod`. */
export interface OperationCall {
  id: unknown;
  request: Record<string, unknown> | undefined;
  options: RequestOptions | undefined;
}

/**
 * Sends one operation through openapi-fetch and resolves to the parsed body of a 2xx answer.
 * A non-2xx answer throws `ApiError`. When the operation has both a body and query parameters
 * (sync `parse`), the table's query keys are taken out of `request` and the rest is the body.
 */
export async function callOperation(
  raw: Client<paths>,
  op: OperationSpec,
  call: OperationCall,
): Promise<unknown> {
  const params: Record<string, unknown> = {};
  if (op.pathParams.length > 0) params.path = { [op.pathParams[0] as string]: call.id };
  let body: Record<string, unknown> | undefined;
  if (call.request !== undefined && op.hasBody) {
    body = { ...call.request };
    const query: Record<string, unknown> = {};
    for (const key of op.queryParams) {
      if (key in body) {
        query[key] = body[key];
        delete body[key];
      }
    }
    if (op.queryParams.length > 0) params.query = query;
  } else if (call.request !== undefined) {
    params.query = call.request;
  }
  const request = raw.request as unknown as LooseRequest;
  const { data, error, response } = await request(op.httpMethod, op.path, {
    params,
    ...(body !== undefined && { body }),
    ...(call.options?.signal !== undefined && { signal: call.options.signal }),
    ...(call.options?.headers !== undefined && { headers: call.options.headers }),
  });
  if (!response.ok || error !== undefined) {
    throw new ApiError({
      status: response.status,
      body: error,
      headers: response.headers,
      method: op.httpMethod.toUpperCase(),
      path: op.path.replace(`{${op.pathParams[0]}}`, encodeURIComponent(String(call.id))),
    });
  }
  return data;
}
