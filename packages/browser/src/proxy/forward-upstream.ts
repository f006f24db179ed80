import {
  ApiError,
  createLiteClient,
  createRedactor,
  DEFAULT_API_VERSION,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  InvalidArgumentError,
  isAlreadyDeleted,
  NotCancellableError,
  type OperationSpec,
  RedirectError,
  ResponseError,
  TimeoutError,
  withInvoke,
} from "@extendkit/core";
import { baseHeaders, refuse } from "./json-response.ts";
import type { ProxyOptions } from "./proxy-options.ts";

/** What a validated request forwards: the operation, its checked id, query and body. */
export interface Forward {
  op: OperationSpec;
  id: string;
  query: URLSearchParams;
  body: Uint8Array;
}

/** Sends one allowed call upstream and turns the outcome into the proxy's answer. */
export type Forwarder = (
  request: Request,
  requestId: string,
  forward: Forward,
) => Promise<{ response: Response; code: string | null }>;

const REQUEST_ID = /^[A-Za-z0-9_-]{1,128}$/;
/**
 * How a call names itself to the upstream fetch, which sees only core's `Request`: the proxy's
 * request id, in a header the fetch removes before anything is sent.
 */
const CALL = "x-extendkit-proxy-call";
/** Set on a failure when the call may have taken effect upstream all the same. */
const OUTCOME_UNKNOWN = "x-extendkit-outcome-unknown";

const decoder = new TextDecoder();

/** The error an upstream body over `maxResponseBytes` is cut off with. */
class TooLarge extends Error {}

/**
 * The proxy's upstream side: `@extendkit/core`'s lite client holding the server key, so every
 * forwarded call has core's retries (safe ones only, Retry-After honoured, one retry budget per
 * handler), cancel reconciliation, deadline (`upstreamTimeoutMs` over all attempts), refused
 * redirects, checked JSON answers and key redaction; the browser client sends each call once.
 * Each call is built from the operation alone: the constant origin, the operation's path with the
 * validated id, its own query parameters, the JSON body, and only core's headers (server key,
 * pinned version, extendkit's version and User-Agent, the server's workspace) plus `accept`.
 *
 * The answer: a result is relayed as JSON (200, or 204 when there is none; a delete a retry found
 * already done carries `x-extendkit-already-deleted: 1`; Extend's `x-extend-request-id` of the
 * last upstream answer when it sent a well-formed one); an API error keeps its status and
 * Extend's error body, with `retry-after-ms` and `Retry-After` when the API advised a wait; a
 * refused cancel that core reconciled by reading the run is 409 `NOT_CANCELLABLE`. Everything
 * else is a generic code with no upstream detail: `upstream_redirect`, `upstream_invalid_response`
 * (not JSON), `upstream_too_large`, `upstream_timeout` (504), `upstream_unreachable`.
 */
export function createForwarder(
  options: ProxyOptions,
  send: (request: Request) => Promise<Response>,
): Forwarder {
  const maxBytes = options.maxResponseBytes ?? 1_048_576;
  const deadline = options.upstreamTimeoutMs ?? 30_000;
  // Core redacts what it raises; results are scrubbed with the same redactor, so no answer can
  // hold the key.
  const scrub = createRedactor(options.apiKey).text;
  // Extend's request id of each call's last upstream answer (a retry's, or a reconciling read's),
  // by the proxy's request id; taken out when the call settles.
  const upstreamIds = new Map<string, string>();
  const { invoke } = createLiteClient(
    {
      apiKey: options.apiKey,
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
      ...(options.workspaceId !== undefined && { workspaceId: options.workspaceId }),
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      timeout: deadline,
      totalTimeout: deadline,
      fetch: async (upstream) => {
        const call = upstream.headers.get(CALL);
        upstream.headers.delete(CALL);
        const response = await send(upstream);
        const extendId = response.headers.get("x-extend-request-id");
        if (call !== null && extendId !== null) upstreamIds.set(call, extendId);
        return capBody(response, maxBytes);
      },
    },
    withInvoke,
  );

  return async (request, requestId, { op, id, query, body }) => {
    const fail = (status: number, code: string, message: string) => ({
      response: refuse(requestId, status, code, message),
      code,
    });
    /** The proxy's answer to a call that failed upstream. */
    const answerError = (error: unknown): { response: Response; code: string | null } => {
      if (cutOff(error)) {
        return fail(502, "upstream_too_large", "the API answer is over the size limit");
      }
      if (error instanceof NotCancellableError && !(error.cause instanceof ApiError)) {
        return fail(
          409,
          "NOT_CANCELLABLE",
          `the run cannot be cancelled: its status is ${error.runStatus}`,
        );
      }
      const apiError = error instanceof NotCancellableError ? error.cause : error;
      if (apiError instanceof ApiError && typeof apiError.body === "object" && apiError.body) {
        return { response: relayError(apiError, requestId), code: null };
      }
      if (error instanceof InvalidArgumentError) return fail(400, "invalid_request", error.message);
      if (error instanceof RedirectError) {
        return fail(502, "upstream_redirect", "the API answered with a redirect");
      }
      if (error instanceof ResponseError || apiError instanceof ApiError) {
        return fail(502, "upstream_invalid_response", "the API answered with non-JSON");
      }
      if (error instanceof TimeoutError && !request.signal.aborted) {
        return fail(504, "upstream_timeout", "the API did not answer in time");
      }
      return fail(502, "upstream_unreachable", "the API could not be reached");
    };
    let fields: Record<string, unknown> = {};
    if (body.byteLength > 0) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(decoder.decode(body));
      } catch {}
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        return fail(400, "invalid_body", "the request body must be a JSON object");
      }
      fields = parsed as Record<string, unknown>;
    }
    for (const name of op.queryParams) {
      const value = query.get(name);
      if (value !== null) fields[name] = value;
    }
    try {
      const result = await invoke(op, {
        id: op.pathParams.length > 0 ? id : undefined,
        request: Object.keys(fields).length > 0 ? fields : undefined,
        options: {
          signal: request.signal,
          headers: { accept: "application/json", [CALL]: requestId },
        },
      });
      const headers = baseHeaders(requestId);
      const extendId = upstreamIds.get(requestId);
      if (extendId !== undefined && REQUEST_ID.test(extendId)) {
        headers.set("x-extend-request-id", extendId);
      }
      if (isAlreadyDeleted(result)) headers.set("x-extendkit-already-deleted", "1");
      const text = result === undefined ? null : scrub(JSON.stringify(result));
      return {
        response: new Response(text, { status: text === null ? 204 : 200, headers }),
        code: null,
      };
    } catch (error) {
      const outcome = answerError(error);
      // Core says when a failed call may still have taken effect (a retried attempt whose answer
      // was lost); the browser client, which sent the call once, reads it back from this header.
      const cause = error instanceof NotCancellableError ? error.cause : undefined;
      if (mayHaveLanded(error) || mayHaveLanded(cause)) {
        outcome.response.headers.set(OUTCOME_UNKNOWN, "1");
      }
      return outcome;
    } finally {
      upstreamIds.delete(requestId);
    }
  };
}

function mayHaveLanded(error: unknown): boolean {
  return (error as { outcomeUnknown?: unknown } | undefined)?.outcomeUnknown === true;
}

/** An API error as the proxy's answer: its status and Extend's error body (redacted by core). */
function relayError(error: ApiError, requestId: string): Response {
  const headers = baseHeaders(requestId);
  if (error.retryAfterMs !== undefined) {
    headers.set("retry-after-ms", String(error.retryAfterMs));
    headers.set("retry-after", String(Math.ceil(error.retryAfterMs / 1000)));
  }
  if (error.requestId !== undefined && REQUEST_ID.test(error.requestId)) {
    headers.set("x-extend-request-id", error.requestId);
  }
  return new Response(JSON.stringify(error.body), { status: error.status, headers });
}

/** True when `error` or a cause of it (core wraps a failed body read) is a `TooLarge`. */
function cutOff(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 5; depth++) {
    if (e instanceof TooLarge) return true;
    e = (e as Error).cause;
  }
  return false;
}

/**
 * The upstream answer with its body cut off after `maxBytes` (the read fails with `TooLarge`), so
 * an oversized body is never held whole.
 */
function capBody(response: Response, maxBytes: number): Response {
  if (
    response.body === null ||
    response.status < 200 ||
    [204, 205, 304].includes(response.status)
  ) {
    return response;
  }
  let size = 0;
  const capped = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > maxBytes) controller.error(new TooLarge("over maxResponseBytes"));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Response(capped, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
