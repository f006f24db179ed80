import { AbortError } from "./abort-error.ts";
import type { CallContext } from "./call-context.ts";
import type { ClientConfig } from "./client-config.ts";
import { ConnectionError } from "./connection-error.ts";
import { forwardAbort } from "./forward-abort.ts";
import type { PreparedRequest } from "./prepare-request.ts";
import { BodyReadError, readBody } from "./read-body.ts";
import { RedirectError } from "./redirect-error.ts";
import { TimeoutError } from "./timeout-error.ts";

/** A response whose body has been read in full within the attempt's time limit. */
export interface BufferedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body of a checked 2xx answer (see `checkSuccessBody`). */
  readonly json?: unknown;
}

/** Error bodies are read up to this size; the rest is cancelled (an excerpt is all we keep). */
const ERROR_BODY_LIMIT = 64 * 1024;
/** Codes meaning the request never left: safe to resend whatever the operation. */
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);
const TIMED_OUT = Symbol("timed out");

/**
 * One attempt: sends the request and reads the whole body under one timer, the shorter of the
 * per-attempt `timeout` and what is left of `totalTimeout`. Throws `AbortError` (caller's signal),
 * `TimeoutError`, `ConnectionError` (no complete response) or `RedirectError`. The timer and the
 * listener on the caller's signal are removed before it returns or throws.
 */
export async function sendAttempt(
  prepared: PreparedRequest,
  ctx: CallContext,
  config: ClientConfig,
): Promise<BufferedResponse> {
  const { clock } = config;
  const controller = new AbortController();
  const unlink = forwardAbort(ctx.signal, controller);
  const remaining = ctx.deadline - clock.now();
  const limit = remaining < ctx.timeout ? "total" : "attempt";
  const timer = clock.setTimeout(
    () => controller.abort(TIMED_OUT),
    Math.max(0, Math.min(ctx.timeout, remaining)),
  );
  const where = { method: prepared.method, path: prepared.path, attempts: ctx.attempts };
  const fail = (error: unknown): never => {
    if (ctx.signal?.aborted)
      throw new AbortError({ ...where, cause: config.redactor.error(ctx.signal.reason) });
    if (controller.signal.reason === TIMED_OUT) {
      const timeoutMs = limit === "attempt" ? ctx.timeout : ctx.totalTimeout;
      throw new TimeoutError({ ...where, outcomeUnknown: true, timeoutMs, limit });
    }
    const cause = config.redactor.error(error instanceof BodyReadError ? error.cause : error);
    const code = codeOf(cause);
    if (error instanceof BodyReadError) {
      throw new ConnectionError("the response body was cut off", {
        ...where,
        outcomeUnknown: true,
        code,
        cause,
      });
    }
    const outcomeUnknown = code === undefined || !NOT_SENT.has(code);
    throw new ConnectionError("the request failed", { ...where, outcomeUnknown, code, cause });
  };
  try {
    const headers = new Headers(prepared.headers);
    if (config.retryCountHeader) headers.set("x-extendkit-retry-count", String(ctx.attempts - 1));
    const request = new Request(prepared.url, {
      method: prepared.method,
      headers,
      body: prepared.body,
      signal: controller.signal,
      redirect: "manual",
    });
    const response = await untilAborted(config.fetch, request, controller.signal).catch(fail);
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      response.body?.cancel().catch(() => {});
      throw new RedirectError({
        ...where,
        status: response.status,
        location: response.headers.has("location")
          ? config.redactor.text(response.headers.get("location") ?? "")
          : null,
      });
    }
    const limitBytes = response.ok ? Number.POSITIVE_INFINITY : ERROR_BODY_LIMIT;
    const text = await readBody(response, controller.signal, limitBytes).catch(fail);
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      text,
    };
  } finally {
    clock.clearTimeout(timer);
    unlink();
  }
}

/** `fetch(request)`, settled early by an abort even if that `fetch` ignores the signal. */
function untilAborted(
  fetch: (request: Request) => Promise<Response>,
  request: Request,
  signal: AbortSignal,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    const settle = () => signal.removeEventListener("abort", onAbort);
    new Promise<Response>((r) => r(fetch(request))).then(
      (response) => {
        settle();
        // An answer that arrives after the abort is discarded; release its connection.
        if (signal.aborted) response.body?.cancel().catch(() => {});
        resolve(response);
      },
      (error) => {
        settle();
        reject(error);
      },
    );
  });
}

/** The first `code` along the cause chain (undici puts it on `cause`). */
function codeOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
