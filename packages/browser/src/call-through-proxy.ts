import {
  AbortError,
  apiErrorClassFor,
  assertPathParam,
  CANCEL_REFUSALS,
  ConnectionError,
  InvalidArgumentError,
  markAlreadyDeleted,
  NotCancellableError,
  type OperationCall,
  type OperationSpec,
  operationPath,
  RedirectError,
  type RequestOptions,
  ResponseError,
  TimeoutError,
  VERSION,
} from "@extendkit/core";

/** Where and how the browser client sends: resolved once by `createBrowserClient`. */
export interface ProxyTarget {
  /** The proxy's absolute URL, no trailing slash. */
  baseUrl: string;
  /** Called unbound, as `(url, init)`. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Deadline of one call in ms, headers and body. */
  timeout: number;
}

const JSON_TYPE = "application/json";

/**
 * One operation through the proxy, exactly one request. The id is checked before anything is
 * built (a bad one never reaches the wire), the request carries no credentials of its own (the
 * page's cookies go as for any same-origin fetch), and the answer becomes core's result or typed
 * error: a non-2xx status is the per-status `ApiError` subclass (a refused cancel is
 * `NotCancellableError`), no answer in time is `TimeoutError`, the caller's abort is `AbortError`,
 * anything else that leaves no answer is `ConnectionError`, a redirect is `RedirectError` (never
 * followed) and a 2xx that is not JSON is `ResponseError` (a page served where the proxy should
 * be). A delete the proxy's retry found already done keeps that mark (`isAlreadyDeleted`). Per-call
 * options are `signal`, `headers`, `timeout` and `totalTimeout` (one deadline: there is one
 * attempt); others are refused, since retries are the proxy's. The proxy states a wait as
 * `retry-after-ms` (it converts the API's `Retry-After`), which becomes `retryAfterMs`, and says
 * `x-extendkit-outcome-unknown` when the call may have taken effect upstream all the same (a retry
 * after a lost answer), which becomes the error's `outcomeUnknown`.
 */
export async function callThroughProxy(
  target: ProxyTarget,
  op: OperationSpec,
  { id, request, options = {} }: OperationCall,
): Promise<unknown> {
  const {
    signal,
    headers,
    timeout = target.timeout,
    totalTimeout = timeout,
    ...rest
  } = options as RequestOptions;
  const method = op.httpMethod.toUpperCase();
  const ms = Math.min(timeout, totalTimeout);
  for (const name in rest) {
    throw new InvalidArgumentError(`${op.operationId}: option ${name.slice(0, 40)} is the proxy's`);
  }
  // setTimeout fires at once for a delay of 2^31 ms or more.
  if (!(ms > 0 && ms < 2 ** 31)) throw new InvalidArgumentError(`${op.operationId}: timeout ${ms}`);
  const idName = op.pathParams[0];
  if (idName) assertPathParam(idName, id);
  const path = operationPath(op, id as string);
  // The request object holds the query parameters and, for an operation with a body, the body.
  const fields: Record<string, unknown> = { ...request };
  const query = new URLSearchParams();
  for (const name of op.hasBody ? op.queryParams : Object.keys(fields)) {
    for (const value of [fields[name]].flat()) {
      if (value != null) query.append(name, String(value));
    }
    delete fields[name];
  }
  const where = { method, path, attempts: 1 };
  if (signal?.aborted) throw new AbortError({ ...where, attempts: 0, cause: signal.reason });
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener("abort", stop);
  const timer = setTimeout(stop, ms);
  const json = op.hasBody && request !== undefined;
  let response: Response;
  let text: string;
  try {
    response = await target.fetch(`${target.baseUrl}${path}${query.size > 0 ? `?${query}` : ""}`, {
      method,
      // extendkit's version as header: a page cannot set User-Agent.
      headers: {
        accept: JSON_TYPE,
        ...(json && { "content-type": JSON_TYPE }),
        ...headers,
        "x-extendkit-version": VERSION,
      },
      redirect: "manual",
      signal: controller.signal,
      ...(json && { body: JSON.stringify(fields) }),
    });
    text = await response.text();
  } catch (cause) {
    throw signal?.aborted
      ? new AbortError({ ...where, cause: signal.reason })
      : controller.signal.aborted
        ? new TimeoutError({ ...where, outcomeUnknown: true, timeoutMs: ms, limit: "total" })
        : new ConnectionError("no answer", {
            ...where,
            outcomeUnknown: true,
            cause,
          });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", stop);
  }
  const { status, headers: answer } = response;
  if (response.type === "opaqueredirect" || (status > 299 && status < 400)) {
    throw new RedirectError({ ...where, status, location: answer.get("location") });
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text.slice(0, 1024);
    if (status < 300) {
      throw new ResponseError("not JSON: is the proxy at proxyUrl?", {
        ...where,
        reason: "invalid-json",
        status,
        headers: answer,
        excerpt: body as string,
      });
    }
  }
  if (status < 300) {
    return answer.has("x-extendkit-already-deleted") ? markAlreadyDeleted(body as object) : body;
  }
  const wait = answer.get("retry-after-ms");
  const error = new (apiErrorClassFor(status))({
    ...where,
    status,
    body,
    headers: answer,
    ...(wait !== null && { retryAfterMs: Number(wait) }),
    outcomeUnknown: answer.has("x-extendkit-outcome-unknown"),
  });
  throw op.kind === "cancel" && CANCEL_REFUSALS.has(status)
    ? new NotCancellableError({ id: id as string, cause: error })
    : error;
}
