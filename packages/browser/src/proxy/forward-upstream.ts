import {
  DEFAULT_API_VERSION,
  DEFAULT_BASE_URL,
  type OperationSpec,
  USER_AGENT,
  VERSION,
} from "@extendkit/core";
import { refuse } from "./json-response.ts";
import type { ProxyOptions } from "./proxy-options.ts";
import { relayUpstream } from "./relay-upstream.ts";

/** What a validated request forwards: the operation, its checked id, query and body. */
export interface Forward {
  op: OperationSpec;
  id: string;
  query: URLSearchParams;
  body: Uint8Array;
}

/**
 * The one upstream request of an allowed call, built from scratch: the constant origin, the
 * operation's path with the validated id, the operation's own query parameters, and only the
 * server key, the pinned version, `accept`, extendkit's version and User-Agent, and the server's
 * workspace as headers. Redirects are not followed; the deadline covers the answer's body; a
 * client that goes away aborts it.
 */
export async function forwardUpstream(
  options: ProxyOptions,
  send: (request: Request) => Promise<Response>,
  request: Request,
  requestId: string,
  { op, id, query, body }: Forward,
): Promise<{ response: Response; code: string | null }> {
  const target = new URL(options.baseUrl ?? DEFAULT_BASE_URL);
  const path = op.path.replace(`{${op.pathParams[0]}}`, id);
  target.pathname = `${target.pathname.replace(/\/+$/, "")}${path}`;
  for (const name of op.queryParams) {
    const value = query.get(name);
    if (value !== null) target.searchParams.set(name, value);
  }
  const headers = new Headers({
    authorization: `Bearer ${options.apiKey}`,
    "x-extend-api-version": options.apiVersion ?? DEFAULT_API_VERSION,
    accept: "application/json",
    // The proxy runs server-side, where User-Agent can be set (browsers forbid it).
    "x-extendkit-version": VERSION,
    "user-agent": USER_AGENT,
  });
  if (options.workspaceId !== undefined) headers.set("x-extend-workspace-id", options.workspaceId);
  if (body.byteLength > 0) headers.set("content-type", "application/json");
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  request.signal.addEventListener("abort", onAbort, { once: true });
  const timer = setTimeout(onAbort, options.upstreamTimeoutMs ?? 30_000);
  try {
    const upstream = await send(
      new Request(target, {
        method: op.httpMethod.toUpperCase(),
        headers,
        redirect: "manual",
        signal: controller.signal,
        ...(body.byteLength > 0 && { body: body as BodyInit }),
      }),
    );
    return await relayUpstream(
      upstream,
      requestId,
      options.apiKey,
      options.maxResponseBytes ?? 1_048_576,
    );
  } catch {
    const [status, code, message] =
      controller.signal.aborted && !request.signal.aborted
        ? [504, "upstream_timeout", "the API did not answer in time"]
        : [502, "upstream_unreachable", "the API could not be reached"];
    return { response: refuse(requestId, status, code, message), code };
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener("abort", onAbort);
  }
}
