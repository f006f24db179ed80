import { AbortError } from "../abort-error.ts";
import { backoffDelay } from "../backoff-delay.ts";
import { cancelStatusOf } from "../cancel-status-of.ts";
import { ConnectionError } from "../connection-error.ts";
import { createApiError } from "../create-api-error.ts";
import { deleteResult } from "../delete-result.ts";
import { errorBodyRetryable } from "../error-body-retryable.ts";
import { excerpt } from "../excerpt.ts";
import { inspectJson } from "../inspect-json.ts";
import { InvalidArgumentError } from "../invalid-argument-error.ts";
import { markAlreadyDeleted } from "../is-already-deleted.ts";
import { CANCEL_REFUSALS, NotCancellableError } from "../not-cancellable-error.ts";
import type { OperationSpec } from "../operation-spec.ts";
import { parseRetryAfter } from "../parse-retry-after.ts";
import { RedirectError } from "../redirect-error.ts";
import { ResponseError } from "../response-error.ts";
import { isRetryable } from "../retry-policy.ts";
import { sleep } from "../sleep.ts";
import { TimeoutError } from "../timeout-error.ts";
import type { TinyCallOptions } from "./tiny-client-options.ts";
import type { TinyConfig } from "./tiny-config.ts";

/** What a tiny client can do to a run. */
export type TinyKind = "retrieve" | "cancel" | "delete";

const METHODS = { retrieve: "GET", cancel: "POST", delete: "DELETE" } as const;
const TIMED_OUT = Symbol("timed out");

/**
 * One retrieve, cancel or delete of run `id` (already validated) at `/{collection}/{id}`, with the
 * retry policy of core's clients (reliability §1.3) in a smaller loop. Resolves to the run (or the
 * delete's answer); throws core's errors, free of the API key:
 * - each attempt is limited by `timeout` (headers and body); the caller's `signal` ends the call
 *   with `AbortError` at once, never retried; a redirect is `RedirectError`, never followed;
 * - connection failures, timeouts and 408/429/5xx (or the error body's `retryable`) are retried
 *   up to `maxRetries` times, waiting `Retry-After` (over `maxRetryAfter`: no retry) or full-jitter
 *   backoff;
 * - a 2xx body must be JSON naming run `id` (a DELETE's may be empty): else `ResponseError`;
 * - a DELETE that finds the run gone after a retry resolves, marked `isAlreadyDeleted`;
 * - a cancel whose outcome is unknown (no complete answer, or refused after a retry) reads the run
 *   first: `CANCELLED`/`CANCELLING` resolves to it, `PENDING`/`PROCESSING` sends it again, an
 *   unreadable run leaves the unknown outcome standing; other refusals are `NotCancellableError`;
 * - after an attempt whose outcome is unknown, the call's failure has `outcomeUnknown: true`.
 */
export async function sendRunCall(
  config: TinyConfig,
  kind: TinyKind,
  resource: string,
  collection: string,
  id: string,
  query: Record<string, unknown> | undefined,
  options: TinyCallOptions | undefined,
): Promise<unknown> {
  const { clock, redactor } = config;
  const op = { resource };
  const method = METHODS[kind];
  const suffix = `/${collection}/${encodeURIComponent(id)}${kind === "cancel" ? "/cancel" : ""}`;
  const path = config.basePath + suffix;
  const url = config.base + suffix + querySuffix(`${resource}.${kind}`, query);
  const signal = options?.signal;
  const timeout = options?.timeout ?? config.timeout;
  const where = { method, path, attempts: 0 };
  const headers = { ...config.headers };
  let unknown = false;
  const aborted = () => new AbortError({ ...where, cause: redactor.error(signal?.reason) });
  /** Waits before the next attempt and resolves true, or resolves false when none is left. */
  const retry = async (wait?: number) => {
    if (where.attempts > config.maxRetries) return false;
    await sleep(wait ?? backoffDelay(where.attempts - 1, config.random), clock, signal).catch(
      () => {
        throw aborted();
      },
    );
    return true;
  };
  /**
   * Settles a cancel whose outcome is unknown (no complete answer, or refused after a retry) by
   * reading the run, as the other clients' `reconcileCancel` does: resolves to the run when it is
   * CANCELLED or CANCELLING (`cancelStatusOf`: an ABORTED failure counts), to undefined when it is still PENDING or PROCESSING (send the cancel
   * again); throws `standing` when the run cannot be read, `NotCancellableError` otherwise.
   */
  const settleCancel = async (standing: Error): Promise<unknown> => {
    const run = await sendRunCall(config, "retrieve", resource, collection, id, undefined, options)
      // Unreadable: `standing` below; the caller's abort ends the call.
      .catch((error) => {
        if (error instanceof AbortError) throw error;
      });
    const runStatus = cancelStatusOf(run);
    if (runStatus === "CANCELLED" || runStatus === "CANCELLING") return run;
    if (runStatus === undefined) throw standing;
    if (runStatus !== "PENDING" && runStatus !== "PROCESSING")
      throw new NotCancellableError({ id, runStatus: redactor.text(runStatus) });
  };
  for (;;) {
    // Nothing is sent once the caller has aborted.
    if (signal?.aborted) throw aborted();
    try {
      headers["x-extendkit-retry-count"] = String(where.attempts++);
      const { response, text } = await attempt(
        config,
        url,
        { method, headers },
        where,
        timeout,
        signal,
      );
      const { status } = response;
      // Built only when an error needs it: redacting the headers copies them, and a 2xx rarely fails.
      const answered = () => ({ ...where, status, headers: redactor.value(response.headers) });
      if (status < 300) return checkBody(kind, op, id, text, answered, redactor);
      if (kind === "delete" && status === 404 && where.attempts > 1) {
        return markAlreadyDeleted(
          deleteResult(op, id, "Already deleted: a retried DELETE found the run gone."),
        );
      }
      const apiError = createApiError(
        {
          ...answered(),
          body: bodyOf(text),
          statusText: response.statusText,
          retryAfterMs: parseRetryAfter(response.headers, clock.now()),
          outcomeUnknown: unknown,
        },
        redactor,
      );
      if (kind === "cancel" && CANCEL_REFUSALS.has(status)) {
        const refused = new NotCancellableError({ id, cause: apiError });
        // A refusal of a repeated cancel may mean "an earlier attempt already landed".
        if (where.attempts < 2) throw refused;
        const run = await settleCancel(refused);
        if (run !== undefined) return run;
        if (await retry()) continue;
        throw refused;
      }
      const failure = { type: "status", status, bodyRetryable: errorBodyRetryable(text) } as const;
      const advised = apiError.retryAfterMs;
      if (
        isRetryable(kind, failure, false) &&
        (advised === undefined || advised <= config.maxRetryAfter) &&
        (await retry(advised))
      )
        continue;
      throw apiError;
    } catch (error) {
      // No complete response (reset, timeout, body cut off): it may have landed; retry.
      if (!(error instanceof ConnectionError)) throw error;
      unknown = true;
      if (kind === "cancel") {
        // Read the run rather than replay the cancel blindly; unreadable, the unknown outcome stands.
        const run = await settleCancel(error);
        if (run !== undefined) return run;
      }
      if (await retry()) continue;
      throw error;
    }
  }
}

/**
 * One attempt: the response and its whole body within `timeout`, whether or not the transport
 * honours the signal. Throws `AbortError` (the caller's `signal`), `RedirectError`, `TimeoutError`
 * or `ConnectionError`; leaves no timer or listener behind.
 */
async function attempt(
  config: TinyConfig,
  url: string,
  init: { method: string; headers: Record<string, string> },
  where: { method: string; path: string; attempts: number },
  timeout: number,
  signal: AbortSignal | undefined,
): Promise<{ response: Response; text: string }> {
  const { clock, redactor } = config;
  const controller = new AbortController();
  const timer = clock.setTimeout(() => controller.abort(TIMED_OUT), timeout);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort);
  // Settles the attempt when it is aborted even if the fetch, or its body, ignores the signal (a
  // given `fetch` may): the timeout holds whatever the transport does.
  const stopped = new Promise<never>((_, reject) =>
    controller.signal.addEventListener("abort", () => reject(controller.signal.reason)),
  );
  stopped.catch(() => {});
  try {
    const response = await Promise.race([
      config.send(url, { ...init, signal: controller.signal, redirect: "manual" }),
      stopped,
    ]);
    if (response.type === "opaqueredirect" || (response.status > 299 && response.status < 400)) {
      response.body?.cancel().catch(() => {});
      throw new RedirectError({
        ...where,
        status: response.status,
        location: redactor.text(response.headers.get("location") ?? ""),
      });
    }
    return { response, text: await Promise.race([response.text(), stopped]) };
  } catch (error) {
    if (error instanceof RedirectError) throw error;
    if (signal?.aborted) throw new AbortError({ ...where, cause: redactor.error(signal.reason) });
    throw controller.signal.reason === TIMED_OUT
      ? new TimeoutError({ ...where, outcomeUnknown: true, timeoutMs: timeout, limit: "attempt" })
      : new ConnectionError("the request failed", {
          ...where,
          outcomeUnknown: true,
          cause: redactor.error(error),
        });
  } finally {
    clock.clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

/** An error body as the other clients keep it: parsed JSON, else the text. */
const bodyOf = (text: string) => {
  const json = inspectJson(text);
  return json.ok ? json.value : text;
};

/** `?name=value&…` of the set values of `query` (form style, percent-encoded), or "". */
function querySuffix(what: string, query: Record<string, unknown> | undefined): string {
  let out = "";
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value == null) continue;
    if (typeof value === "object")
      throw new InvalidArgumentError(
        `${what}: query ${JSON.stringify(name)} must not be an object`,
      );
    out += `${out ? "&" : "?"}${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`;
  }
  return out;
}

/**
 * A 2xx body: JSON naming run `id`; an empty one only for a DELETE. `answered` builds the fields of
 * the error thrown otherwise (status, redacted headers…).
 */
function checkBody(
  kind: TinyKind,
  op: Pick<OperationSpec, "resource">,
  id: string,
  text: string,
  answered: () => {
    method: string;
    path: string;
    attempts: number;
    status: number;
    headers: Headers;
  },
  redactor: TinyConfig["redactor"],
): unknown {
  const refuse = (reason: "empty-body" | "invalid-json" | "id-mismatch", detail: string) =>
    new ResponseError(detail, { ...answered(), reason, excerpt: excerpt(text, redactor) });
  if (text.trim() === "") {
    if (kind === "delete") return deleteResult(op, id, "Deleted (the API sent no body).");
    throw refuse("empty-body", "with no body");
  }
  const json = inspectJson(text);
  if (!json.ok) {
    // Cut off part-way: no complete response, as a reset is; retried like one.
    if (json.truncated)
      throw new ConnectionError("the response body was cut off", {
        ...answered(),
        outcomeUnknown: true,
      });
    throw refuse("invalid-json", "with invalid JSON");
  }
  const data = json.value as Record<string, unknown> | null;
  const run = (data?.processorRun ?? data?.batchProcessorRun ?? data) as { id?: unknown };
  const named = run?.id ?? data?.documentProcessorRunId;
  if (typeof named === "string" && named !== id)
    throw refuse("id-mismatch", `names run ${JSON.stringify(named.slice(0, 80))}`);
  return data;
}
