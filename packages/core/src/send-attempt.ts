import { AbortError } from "./abort-error.ts";
import type { CallContext } from "./call-context.ts";
import type { ClientConfig } from "./client-config.ts";
import { ConnectionError } from "./connection-error.ts";
import { giveBackController, takeController } from "./controller-pool.ts";
import { forwardAbort } from "./forward-abort.ts";
import type { PreparedRequest } from "./prepare-request.ts";
import { readBody } from "./read-body.ts";
import { RedirectError } from "./redirect-error.ts";
import { TimeoutError } from "./timeout-error.ts";

/** A response whose body has been read in full within the attempt's time limit. */
export interface BufferedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body of a checked 2xx answer (see `checkSuccessBody`). */
  json?: unknown;
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
const ignore = () => {};

/**
 * One attempt: sends the request and reads the whole body under one timer, the shorter of the
 * per-attempt `timeout` and what is left of `totalTimeout`. Throws `AbortError` (caller's signal),
 * `TimeoutError`, `ConnectionError` (no complete response) or `RedirectError`. The timer and the
 * listeners are removed before it returns or throws.
 *
 * One abort listener serves the whole attempt: an abort settles whatever is being awaited (the
 * fetch, even one that ignores its signal, or a body read) and cancels the body stream. The
 * `x-extendkit-retry-count` header is written into `prepared.headers` before each attempt's
 * `Request` copies them.
 */
export async function sendAttempt(
  prepared: PreparedRequest,
  ctx: CallContext,
  config: ClientConfig,
): Promise<BufferedResponse> {
  const { clock } = config;
  const pooled = takeController();
  const { controller } = pooled;
  const { signal } = controller;
  const unlink = forwardAbort(ctx.signal, controller);
  const remaining = ctx.deadline - clock.now();
  const limit = remaining < ctx.timeout ? "total" : "attempt";
  const timer = clock.setTimeout(
    () => controller.abort(TIMED_OUT),
    Math.max(0, Math.min(ctx.timeout, remaining)),
  );
  let stop: ((reason: unknown) => void) | undefined;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const onAbort = () => {
    stop?.(signal.reason);
    reader?.cancel().catch(ignore);
  };
  pooled.onAbort = onAbort;
  /** `work`, or the abort's reason as soon as the attempt is aborted, whichever comes first. */
  const settle = <T>(work: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (signal.aborted) reject(signal.reason);
      stop = reject;
      work.then(resolve, reject);
    });
  let readingBody = false;
  let bodyDone = false;
  const fail = (error: unknown): never => {
    const where = { method: prepared.method, path: prepared.path, attempts: ctx.attempts };
    if (ctx.signal?.aborted)
      throw new AbortError({ ...where, cause: config.redactor.error(ctx.signal.reason) });
    if (signal.reason === TIMED_OUT) {
      const timeoutMs = limit === "attempt" ? ctx.timeout : ctx.totalTimeout;
      throw new TimeoutError({ ...where, outcomeUnknown: true, timeoutMs, limit });
    }
    const cause = config.redactor.error(error);
    const code = codeOf(cause);
    // A body cut off was a request sent; otherwise only a known code says it never left.
    throw new ConnectionError(
      readingBody ? "the response body was cut off" : "the request failed",
      {
        ...where,
        outcomeUnknown: readingBody || code === undefined || !NOT_SENT.has(code),
        code,
        cause,
      },
    );
  };
  try {
    if (config.retryCountHeader) {
      prepared.headers["x-extendkit-retry-count"] = String(ctx.attempts - 1);
    }
    const init: RequestInit = {
      method: prepared.method,
      headers: prepared.headers,
      body: prepared.body,
      signal,
      redirect: "manual",
    };
    const sent = new Promise<Response>((resolve) => resolve(config.send(prepared.url, init)));
    const response = await settle(sent).catch((error: unknown) => {
      // An answer that arrives after the abort is discarded; release its connection.
      sent.then((late) => late.body?.cancel().catch(ignore), ignore);
      return fail(error);
    });
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      response.body?.cancel().catch(ignore);
      throw new RedirectError({
        method: prepared.method,
        path: prepared.path,
        status: response.status,
        // No Location header: "", which names no origin, like null.
        location: config.redactor.text(response.headers.get("location") ?? ""),
      });
    }
    let text = "";
    if (response.body !== null) {
      readingBody = true;
      // Aborted already? `settle` rejects the first read at once, and `finally` cancels the reader.
      reader = response.body.getReader();
      const limitBytes = response.ok ? Number.POSITIVE_INFINITY : ERROR_BODY_LIMIT;
      [text, bodyDone] = await readBody(reader, limitBytes, settle).catch(fail);
    }
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      text,
    };
  } finally {
    clock.clearTimeout(timer);
    if (!bodyDone) reader?.cancel().catch(ignore);
    unlink();
    giveBackController(pooled);
  }
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
