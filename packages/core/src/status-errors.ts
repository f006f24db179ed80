import { ApiError } from "./api-error.ts";

// One class per status the API declares, so callers can `catch (e) { if (e instanceof NotFoundError) … }`.
// Any other status is a plain `ApiError`.

/** 400: the request is invalid (`INVALID_REQUEST`). */
export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}
/** 401: the API key is missing, wrong or revoked (`UNAUTHORIZED`). */
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}
/** 402: the organization is out of credits (`USAGE_BLOCKED`). */
export class PaymentRequiredError extends ApiError {
  override name = "PaymentRequiredError";
}
/** 403: the key may not do this (wrong workspace, missing permission). */
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}
/** 404: no such run (or it was deleted). */
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}
/** 409: the request conflicts with the run's current state. */
export class ConflictError extends ApiError {
  override name = "ConflictError";
}
/** 422: the request is well-formed but cannot be processed. */
export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
}
/** 429: rate limited (`RATE_LIMIT_EXCEEDED`); `retryAfterMs` holds the advised wait, if sent. */
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
}
/** Any 5xx: a server-side failure (`INTERNAL_ERROR`, or a gateway's page). */
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}

/** The class for a status: the per-status subclass, or `ApiError` itself. */
export function apiErrorClassFor(status: number): typeof ApiError {
  if (status >= 500) return InternalServerError;
  return BY_STATUS[status] ?? ApiError;
}

const BY_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};
