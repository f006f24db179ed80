import { ExtendError } from "./extend-error.ts";

/**
 * Why a 2xx response was not accepted:
 * - `content-type`: the body is not JSON (an HTML captive or challenge page, …);
 * - `invalid-json`: a complete body that does not parse (a truncated one is a `ConnectionError`);
 * - `empty-body`: no body where the operation returns one;
 * - `id-mismatch`: the body names another run than the one requested.
 */
export type ResponseErrorReason = "content-type" | "invalid-json" | "empty-body" | "id-mismatch";

/** A 2xx answer whose body is not what the operation returns. Never a success; never retried. */
export class ResponseError extends ExtendError {
  override name = "ResponseError";
  declare readonly reason: ResponseErrorReason;
  declare readonly status: number;
  declare readonly method: string;
  declare readonly path: string;
  declare readonly contentType: string | undefined;
  declare readonly requestId: string | undefined;
  /** Sanitised start of the body, at most 1 KB. */
  declare readonly excerpt: string;

  constructor(
    detail: string,
    init: {
      reason: ResponseErrorReason;
      status: number;
      method: string;
      path: string;
      headers: Headers;
      excerpt: string;
    },
  ) {
    const { headers, ...fields } = init;
    const requestId =
      headers.get("x-extend-request-id") ?? headers.get("x-request-id") ?? undefined;
    super(
      `${init.method} ${init.path} answered ${init.status} but ${detail}${requestId === undefined ? "" : ` (request ${requestId})`}`,
      { ...fields, contentType: headers.get("content-type") ?? undefined, requestId },
    );
  }
}
