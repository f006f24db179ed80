import { ExtendError } from "./extend-error.ts";
import { RETRY_STATUSES } from "./retry-policy.ts";

/** What an `ApiError` is built from. Values must already be redacted (see `createApiError`). */
export interface ApiErrorInit {
  status: number;
  /** The parsed error body (`{ code, message, retryable, requestId, docUrl }`), or a text excerpt. */
  body: unknown;
  headers: Headers;
  method: string;
  /** Path of the request (no origin, no query). */
  path: string;
  /** `statusText` of the response, the message of last resort. */
  statusText?: string;
  /** Attempts made, retries included. Default: 1. */
  attempts?: number;
  /** The server's advised wait (Retry-After) in milliseconds, when it sent one. */
  retryAfterMs?: number;
  /** An earlier attempt of the call may have taken effect. Default: false. */
  outcomeUnknown?: boolean;
}

/** The API answered with a non-2xx status. Subclasses exist per status (`createApiError`). */
export class ApiError extends ExtendError {
  override name = "ApiError";
  declare readonly status: number;
  /** Machine code from the body (`NOT_FOUND`, …), or `HTTP_<status>` when the body has none. */
  declare readonly code: string;
  /** The body's `retryable` flag when it has one; otherwise true for 408, 429, 500, 502, 503, 504. */
  declare readonly retryable: boolean;
  /** `requestId` from the body, else the `x-extend-request-id` (or `x-request-id`) header. */
  declare readonly requestId: string | undefined;
  /** Documentation link the API sends with some validation errors. */
  declare readonly docUrl: string | undefined;
  declare readonly headers: Headers;
  declare readonly method: string;
  declare readonly path: string;
  /** Parsed JSON body, or a sanitised text excerpt of at most 1 KB (an HTML error page, …). */
  declare readonly body: unknown;
  /** Attempts made before giving up, retries included. */
  declare readonly attempts: number;
  /** The server's advised wait in ms (Retry-After, retry-after-ms), when it sent one. */
  declare readonly retryAfterMs: number | undefined;
  /**
   * True when an earlier attempt of this call was retried after an unknown outcome (reset, timeout,
   * body cut off), so the call may have taken effect despite this answer: a DELETE that ends in a
   * 429 or 503 may have deleted the run. As on `ConnectionError`.
   */
  declare readonly outcomeUnknown: boolean;

  constructor(init: ApiErrorInit) {
    const fields = errorFields(init.body);
    const code = typeof fields.code === "string" ? fields.code : `HTTP_${init.status}`;
    const requestId =
      typeof fields.requestId === "string"
        ? fields.requestId
        : (init.headers.get("x-extend-request-id") ??
          init.headers.get("x-request-id") ??
          undefined);
    const { statusText, ...given } = init;
    super(
      `${init.method} ${init.path} failed with ${init.status} ${code}: ` +
        (typeof fields.message === "string"
          ? fields.message
          : statusText || `HTTP status ${init.status}`) +
        (init.retryAfterMs === undefined
          ? ""
          : `; wait ${Math.ceil(init.retryAfterMs / 1000)} s before retrying`) +
        (init.outcomeUnknown ? "; it may have taken effect" : "") +
        (requestId === undefined ? "" : ` (request ${requestId})`),
      {
        retryAfterMs: undefined,
        outcomeUnknown: false,
        ...given,
        code,
        retryable:
          typeof fields.retryable === "boolean"
            ? fields.retryable
            : RETRY_STATUSES.has(init.status),
        requestId,
        docUrl: typeof fields.docUrl === "string" ? fields.docUrl : undefined,
        attempts: init.attempts ?? 1,
      },
    );
  }
}

/** The flat 2026-02-09 body, or the older `{ error: { … } }` wrapping. */
function errorFields(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) return {};
  if ("code" in body || "message" in body) return body;
  if (isRecord(body.error)) return body.error;
  if (typeof body.error === "string") return { message: body.error };
  return body;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
