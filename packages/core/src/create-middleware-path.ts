import type { Client } from "openapi-fetch";
import type { CallAnswer, MiddlewarePath } from "./client-runtime.ts";
import type { Transport } from "./create-transport.ts";
import type { paths } from "./generated/openapi.ts";
import { parsedBodies } from "./parsed-bodies.ts";

/** openapi-fetch's `request`, loosened: the operation table, not the type checker, pairs paths and methods. */
type LooseRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * The full client's `MiddlewarePath`: while `middleware` (the list `client.use` keeps) is empty it
 * declines, and the call goes straight to the transport; otherwise the call goes through
 * openapi-fetch's `request`, so each middleware sees one request and one response per call, and
 * down to the same transport with the call's own context.
 */
export function createMiddlewarePath(
  raw: Client<paths>,
  transport: Transport,
  middleware: readonly unknown[],
): MiddlewarePath {
  return (op, params, body, headers, ctx) => {
    if (middleware.length === 0) return undefined;
    const request = raw.request as unknown as LooseRequest;
    return request(op.httpMethod, op.path, {
      params,
      ...(body !== undefined && { body }),
      ...(headers !== undefined && { headers }),
      fetch: (r: Request) => transport(r, ctx),
      // The transport has parsed the body already (`parsedBodies`); openapi-fetch need not.
      parseAs: "stream",
    }).then(async ({ response, error }): Promise<CallAnswer> => {
      const { status, statusText, headers: answerHeaders } = response;
      return {
        status,
        statusText,
        headers: answerHeaders,
        body: response.ok ? await successBody(response) : error,
      };
    });
  };
}

/** The parsed 2xx body: from the transport, or parsed here if middleware replaced the response. */
async function successBody(response: Response): Promise<unknown> {
  if (parsedBodies.has(response)) return parsedBodies.get(response);
  const text = await response.text();
  return text === "" ? undefined : JSON.parse(text);
}
