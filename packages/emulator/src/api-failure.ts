/**
 * Thrown by the emulator's handlers to answer with Extend's flat error body (REFERENCE §5.1):
 * `{ code, message, retryable, requestId, docUrl? }`. Messages never contain an API key.
 */
export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly retryable: boolean;
  readonly headers: Record<string, string>;
  readonly docUrl: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { retryable?: boolean; headers?: Record<string, string>; docUrl?: string } = {},
  ) {
    super(message);
    this.name = "ApiFailure";
    this.status = status;
    this.code = code;
    this.retryable = options.retryable ?? status >= 500;
    this.headers = options.headers ?? {};
    this.docUrl = options.docUrl;
  }

  body(requestId: string): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      requestId,
      ...(this.docUrl ? { docUrl: this.docUrl } : {}),
    };
  }
}

/** Where validation errors point (REFERENCE §5.1 `docUrl`). */
export const ERROR_DOC_URL = "https://docs.extend.ai/2026-02-09/api-reference/error-handling";

export const notFound = (what = "Run"): ApiFailure =>
  new ApiFailure(404, "NOT_FOUND", `${what} not found.`, { retryable: false });
