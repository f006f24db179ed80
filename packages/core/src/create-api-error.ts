import type { ApiError, ApiErrorInit } from "./api-error.ts";
import type { Redactor } from "./create-redactor.ts";
import { excerpt } from "./excerpt.ts";
import { apiErrorClassFor } from "./status-errors.ts";

/**
 * The typed error for a non-2xx answer: `NotFoundError` for 404, `RateLimitError` for 429, … and
 * `ApiError` for statuses without a class. The body, headers and message are redacted first; a
 * text body (an HTML error page) is kept as a sanitised excerpt of at most 1 KB.
 */
export function createApiError(init: ApiErrorInit, redactor: Redactor): ApiError {
  const body =
    typeof init.body === "string" ? excerpt(init.body, redactor) : redactor.value(init.body);
  const ErrorClass = apiErrorClassFor(init.status);
  return new ErrorClass({
    ...init,
    body,
    headers: redactor.value(init.headers),
    statusText: init.statusText === undefined ? undefined : redactor.text(init.statusText),
  });
}
