import { ApiError } from "../api-error.ts";
import { InvalidArgumentError } from "../invalid-argument-error.ts";
import { NotCancellableError } from "../not-cancellable-error.ts";
import { parseRetryAfter } from "../parse-retry-after.ts";
import { BulkIntegrityError } from "./bulk-integrity-error.ts";
import { isHeldBack } from "./gate-fetch.ts";

/**
 * What a failed bulk attempt means for the ID (reliability §1.3):
 * - `notFound`: a 404;
 * - `throttle`: 429 or 503 — wait (Retry-After when given) and try again, paced by the rate limiter;
 * - `transient`: 408, other 5xx, 409 or any status whose body says `retryable: true`, connection
 *   failures, timeouts and unreadable 2xx bodies — try again if the budget allows. `maybeApplied`
 *   is true when the request may have taken effect (no complete answer, or a server error);
 * - `refused`: any other 4xx (for a cancel: "not cancellable", reconciled by reading the run);
 * - `unauthorized`: a 401 — the key is wrong for every ID, so the job stops;
 * - `permanent`: a body that says `retryable: false`, a redirect, an integrity failure, a bad ID;
 * - `heldBack`: nothing was sent (`gateFetch` held it back for a pause that began meanwhile).
 */
export type Failure =
  | { kind: "heldBack" }
  | { kind: "notFound" }
  | { kind: "throttle"; status: number; retryAfterMs: number | undefined }
  | { kind: "transient"; maybeApplied: boolean; timeout: boolean }
  | { kind: "refused" }
  | { kind: "unauthorized" }
  | { kind: "permanent" };

export function classifyFailure(error: unknown, now: number): Failure {
  if (isHeldBack(error)) return { kind: "heldBack" };
  if (error instanceof ApiError) return classifyStatus(error, now);
  // The client's typed refusal of a cancel (400/409/422, or a read-back showing a finished run).
  if (error instanceof NotCancellableError) return { kind: "refused" };
  if (error instanceof InvalidArgumentError || error instanceof BulkIntegrityError) {
    return { kind: "permanent" };
  }
  const fields = (typeof error === "object" && error !== null ? error : {}) as {
    name?: unknown;
    reason?: unknown;
    outcomeUnknown?: unknown;
  };
  // A 2xx naming another run (core's ResponseError), and redirects, are never retried.
  if (fields.reason === "id-mismatch" || fields.name === "RedirectError")
    return { kind: "permanent" };
  if (fields.name === "ExtendError") return { kind: "permanent" };
  // Connection resets, truncated or non-JSON 2xx bodies, timeouts of the transport: unknown outcome,
  // unless the transport knows the request never left.
  return {
    kind: "transient",
    maybeApplied: fields.outcomeUnknown !== false,
    timeout: fields.name === "TimeoutError",
  };
}

function classifyStatus(error: ApiError, now: number): Failure {
  const flag = bodyRetryable(error.body);
  const { status } = error;
  if (status === 404) return { kind: "notFound" };
  if (status === 401) return { kind: "unauthorized" };
  if (flag === false) return { kind: "permanent" };
  if (status === 429 || status === 503) {
    return {
      kind: "throttle",
      status,
      retryAfterMs: error.retryAfterMs ?? parseRetryAfter(error.headers, now),
    };
  }
  if (status >= 500) return { kind: "transient", maybeApplied: true, timeout: false };
  if (status === 408 || flag === true)
    return { kind: "transient", maybeApplied: false, timeout: false };
  return { kind: "refused" };
}

function bodyRetryable(body: unknown): boolean | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const flag = (body as { retryable?: unknown }).retryable;
  return typeof flag === "boolean" ? flag : undefined;
}
