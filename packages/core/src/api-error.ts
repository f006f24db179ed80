import { ExtendError } from "./extend-error.ts";

/** Where an API error came from, for messages and logs. */
export interface ApiErrorInit {
  status: number;
  /** The parsed error body: the API's `{ code, message, retryable, requestId }`, or text/unknown. */
  body: unknown;
  headers: Headers;
  method: string;
  /** Path of the request (no origin, no query). */
  path: string;
}

/** The API answered with a non-2xx status. */
export class ApiError extends ExtendError {
  override name = "ApiError";
  readonly status: number;
  /** Machine code from the body (`NOT_FOUND`, …), or `HTTP_<status>` when the body has none. */
  readonly code: string;
  /** The API's own `retryable` flag; false when the body does not say. */
  readonly retryable: boolean;
  /** `requestId` from the body, else the `x-extend-request-id` header. */
  readonly requestId: string | undefined;
  readonly headers: Headers;
  readonly method: string;
  readonly path: string;
  readonly body: unknown;

  constructor(init: ApiErrorInit) {
    const fields = isRecord(init.body) ? init.body : {};
    const code = typeof fields.code === "string" ? fields.code : `HTTP_${init.status}`;
    const detail = typeof fields.message === "string" ? fields.message : "no error message";
    super(`${init.method} ${init.path} failed with ${init.status} ${code}: ${detail}`);
    this.status = init.status;
    this.code = code;
    this.retryable = fields.retryable === true;
    this.requestId =
      typeof fields.requestId === "string"
        ? fields.requestId
        : (init.headers.get("x-extend-request-id") ?? undefined);
    this.headers = init.headers;
    this.method = init.method;
    this.path = init.path;
    this.body = init.body;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
