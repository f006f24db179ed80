import { DEFAULT_BASE_URL } from "@extendkit/core";
import { isSameOrigin } from "./check-origin.ts";
import { createRateLimiter } from "./create-rate-limiter.ts";
import { createForwarder } from "./forward-upstream.ts";
import { refuse } from "./json-response.ts";
import { DEFAULT_ALLOW, type ProxyOptions } from "./proxy-options.ts";
import { readBody } from "./read-body.ts";
import { allowedMethods, resolveRoute } from "./resolve-route.ts";

const MAX_URL_LENGTH = 8192;
const QUERY_VALUE = /^[\x20-\x7e]{1,1024}$/;

/**
 * The key-holding proxy: `(Request) => Promise<Response>`. Checks run in this order, each a
 * refusal with 0 upstream calls: method → framing → URL length → body (size, deadline) → route
 * (allow-list, id, run-type prefix) → same-origin → `authorize` → rate limit. Then the call goes
 * upstream through core's lite client (`createForwarder`: built from scratch, constant origin,
 * server key, pinned version, no redirects, core's retries) and its outcome is answered as JSON
 * that never holds the key. Any unexpected failure is a bare
 * 500/502 with a request id: no stack, no upstream URL.
 */
export function createProxyHandler(options: ProxyOptions): (request: Request) => Promise<Response> {
  if (typeof options?.apiKey !== "string" || options.apiKey.trim() === "") {
    throw new TypeError("createProxyHandler: apiKey must be a non-empty string");
  }
  if (typeof options.authorize !== "function") {
    throw new TypeError("createProxyHandler: authorize(request, target) is required");
  }
  const basePath = (options.basePath ?? "/api/extend").replace(/\/+$/, "");
  const allow = new Set(options.allow ?? DEFAULT_ALLOW);
  new URL(options.baseUrl ?? DEFAULT_BASE_URL); // fail at creation, not per request
  const limit = options.rateLimit === false ? undefined : (options.rateLimit ?? {});
  const limiter = limit && createRateLimiter(limit.requests ?? 60, limit.windowMs ?? 60_000);
  const rateKey = limit?.key ?? ((r: Request) => r.headers.get("cookie") ?? "");
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const forward = createForwarder(options, send);

  const handle = async (request: Request, requestId: string): Promise<Outcome> => {
    let operationId: string | null = null;
    const no = (status: number, code: string, message: string, extra?: Record<string, string>) =>
      ({ response: refuse(requestId, status, code, message, extra), code, operationId }) as Outcome;
    const method = request.method.toUpperCase();
    const url = new URL(request.url);
    if (method === "OPTIONS") {
      // No Access-Control-* headers: the proxy serves its own origin only.
      const allowHeader = allowedMethods(url.pathname, basePath, allow);
      const response = new Response(null, { status: 204, headers: { allow: allowHeader } });
      return { response, code: null, operationId };
    }
    if (method !== "GET" && method !== "POST" && method !== "DELETE") {
      return no(405, "method_not_allowed", "method not allowed", {
        allow: allowedMethods(url.pathname, basePath, allow),
      });
    }
    const length = request.headers.get("content-length");
    if (
      (length !== null && !/^\d+$/.test(length)) ||
      (length !== null && request.headers.has("transfer-encoding"))
    ) {
      return no(400, "bad_framing", "conflicting or repeated body length headers");
    }
    if (request.url.length > MAX_URL_LENGTH) {
      return no(414, "uri_too_long", "the URL is too long");
    }
    const body = await readBody(
      request,
      options.maxBodyBytes ?? 65_536,
      options.bodyTimeoutMs ?? 10_000,
    );
    if (!body.ok) return no(body.status, body.code, body.message);
    const route = resolveRoute(method, url.pathname, basePath, allow);
    if (!route.ok) return no(route.status, route.code, route.message);
    if (!isSameOrigin(request, options.allowedOrigins ?? [url.origin], method !== "GET")) {
      return no(403, "cross_site", "cross-site requests are refused");
    }
    if (body.bytes.byteLength > 0 && !route.op.hasBody) {
      return no(400, "unexpected_body", "this operation takes no request body");
    }
    if (
      body.bytes.byteLength > 0 &&
      !/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")
    ) {
      return no(415, "unsupported_media_type", "request bodies must be JSON");
    }
    const { op, id } = route;
    operationId = op.operationId;
    for (const [name, value] of url.searchParams) {
      if (!op.queryParams.includes(name) || !QUERY_VALUE.test(value)) {
        return no(400, "invalid_query", "a query parameter this operation does not take");
      }
    }
    const workspace = request.headers.get("x-extend-workspace-id");
    if (workspace !== null && workspace !== options.workspaceId) {
      return no(403, "workspace_mismatch", "the workspace is set by the server");
    }
    const decision = await options.authorize(request, {
      operationId: op.operationId,
      resource: op.resource ?? "",
      kind: op.kind,
      id,
    });
    if (decision === "not_found") return no(404, "not_found", "run not found");
    if (decision === "forbidden") return no(403, "forbidden", "not allowed");
    if (decision !== true) return no(401, "unauthorized", "sign in first");
    const wait = limiter ? limiter(rateKey(request)) : 0;
    if (wait > 0) {
      return no(429, "rate_limited", "too many requests", {
        "retry-after": String(wait),
        "retry-after-ms": String(wait * 1000),
      });
    }
    const relayed = await forward(request, requestId, {
      op,
      id,
      query: url.searchParams,
      body: body.bytes,
    });
    return { ...relayed, operationId };
  };

  return async (request) => {
    const requestId = crypto.randomUUID();
    let outcome: Outcome;
    try {
      outcome = await handle(request, requestId);
    } catch {
      const response = refuse(requestId, 500, "internal_error", "the proxy failed");
      outcome = { response, code: "internal_error", operationId: null };
    }
    options.log?.({
      requestId,
      method: request.method.slice(0, 16),
      operationId: outcome.operationId,
      status: outcome.response.status,
      code: outcome.code,
    });
    return outcome.response;
  };
}

interface Outcome {
  response: Response;
  code: string | null;
  operationId: string | null;
}
