import type { CallContext } from "./call-context.ts";
import type { ClientConfig } from "./client-config.ts";
import { contextForRequest } from "./create-call-context.ts";
import { parsedBodies } from "./parsed-bodies.ts";
import { prepareRequest } from "./prepare-request.ts";
import type { BufferedResponse } from "./send-attempt.ts";
import { sendWithRetries } from "./send-with-retries.ts";

/**
 * The fetch that openapi-fetch calls: `(request, ctx?)`. Resource methods pass their call's
 * context through openapi-fetch's per-request `fetch` option; `client.raw` calls get one derived
 * from the request.
 */
export type Transport = (request: Request, ctx?: CallContext) => Promise<Response>;

/**
 * The bottom of the client, a chain of fetch wrappers beneath openapi-fetch:
 * `prepareRequest` (credentials and version headers, body read once) → `sendWithRetries`
 * (policy, waits, deadline, cancel reconciliation) → `sendAttempt` (one attempt under a timer
 * covering headers and body; redirects refused) → the configured `fetch`.
 *
 * Contract:
 * - openapi-fetch and its middleware see one request and one response per call, whatever the
 *   number of attempts, and never the API key.
 * - The response handed back has its body fully read and checked: a 2xx body is JSON (or empty
 *   for DELETE); otherwise the transport threw a typed error.
 * - Redirects are never followed (`redirect: "manual"`, the one mode every runtime supports).
 */
export function createTransport(config: ClientConfig): Transport {
  return async (request, ctx = contextForRequest(config, request)) => {
    const prepared = await prepareRequest(request, config, ctx);
    return toResponse(await sendWithRetries(prepared, ctx, config));
  };
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function toResponse(buffered: BufferedResponse): Response {
  const headers = new Headers(buffered.headers);
  // The text is decoded already: these would describe the original bytes, not this body.
  headers.delete("content-length");
  headers.delete("content-encoding");
  const body = NULL_BODY_STATUSES.has(buffered.status) ? null : buffered.text;
  const response = new Response(body, {
    status: buffered.status,
    statusText: buffered.statusText,
    headers,
  });
  if (buffered.json !== undefined) parsedBodies.set(response, buffered.json);
  return response;
}
