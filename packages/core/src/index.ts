// Public API of @extendkit/core: the clients, their options, errors and types, and the building
// blocks a client that sends another way reuses (the browser client sends through its proxy):
// buildResources, sortArguments, createRunsRouter, withInvoke, waitFor, createLog, createRedactor,
// NO_SECRET, assertIdPrefix, idPrefixesOf, apiErrorClassFor, CANCEL_REFUSALS, markAlreadyDeleted.

export { AbortError } from "./abort-error.ts";
export { ApiError, type ApiErrorInit } from "./api-error.ts";
export { assertIdPrefix } from "./assert-id-prefix.ts";
export { assertPathParam } from "./assert-path-param.ts";
export { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay } from "./backoff-delay.ts";
export { buildResources, type Method, sortArguments } from "./build-resources.ts";
export { BulkIntegrityError } from "./bulk/bulk-integrity-error.ts";
export type { BulkItem, BulkOptions, BulkSource } from "./bulk/bulk-options.ts";
export { BULK_DEFAULTS } from "./bulk/bulk-options.ts";
export type * from "./bulk/bulk-report.ts";
export { BulkStoppedError } from "./bulk/bulk-stopped-error.ts";
export type { BulkRuns } from "./bulk/create-bulk-runs.ts";
export type { FindRunsOptions, FoundRun } from "./bulk/find-runs.ts";
export { parseDuration } from "./bulk/parse-duration.ts";
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  RateLimitStop,
} from "./bulk/rate-limiter.ts";
export {
  createRetryBudget,
  type RetryBudget,
  type RetryBudgetOptions,
} from "./bulk/retry-budget.ts";
export {
  type CompiledFilter,
  compileFilter,
  isOldEnough,
  LIST_ROUTES,
  LISTABLE_RUN_TYPES,
  type ListableRunType,
  listQuery,
  metadataMatches,
  type RunFilter,
} from "./bulk/run-filter.ts";
export type { OperationCall } from "./call-operation.ts";
export {
  type ClientOptions,
  DEFAULT_API_VERSION,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_AFTER,
  DEFAULT_RETRY_BUDGET,
  DEFAULT_SYNC_TIMEOUT,
  DEFAULT_TIMEOUT,
  DEFAULT_TOTAL_TIMEOUT,
} from "./client-options.ts";
export type { ClientRuntime } from "./client-runtime.ts";
export { type Clock, systemClock } from "./clock.ts";
export { ConnectionError, type ConnectionErrorInit } from "./connection-error.ts";
export { type BaseClient, createBaseClient } from "./create-base-client.ts";
export { createClient, type ExtendClient } from "./create-client.ts";
export { type ClientExtension, createLiteClient, type LiteClient } from "./create-lite-client.ts";
export { createRedactor, NO_SECRET, type Redactor } from "./create-redactor.ts";
export type { AnyRun, RoutableResource, RunsRouter } from "./create-runs-router.ts";
export { createRunsRouter, type InvokeOperation, type RunWait } from "./create-runs-router.ts";
export { ExtendError } from "./extend-error.ts";
export type { components, operations, paths } from "./generated/openapi.ts";
export { operationTable } from "./generated/operations.ts";
export type * from "./generated/resources.ts";
export { runTypes } from "./generated/run-types.ts";
export type * from "./generated/schemas.ts";
export { idPrefixesOf } from "./id-prefixes-of.ts";
export { InvalidArgumentError } from "./invalid-argument-error.ts";
export { isAlreadyDeleted, markAlreadyDeleted } from "./is-already-deleted.ts";
export type { LiteResources } from "./lite-resources.ts";
export { createLog, type Logger, type LogLevel } from "./logger.ts";
export { CANCEL_REFUSALS, NotCancellableError } from "./not-cancellable-error.ts";
export { operationPath } from "./operation-path.ts";
export type { OperationKind, OperationSpec } from "./operation-spec.ts";
export type {
  BodyOf,
  ListItemOf,
  ListResult,
  OperationId,
  QueryOf,
  ResponseOf,
} from "./operation-types.ts";
export { ENV_VARIABLES, optionsFromEnv } from "./options-from-env.ts";
export { DEFAULT_MAX_PAGES, type Paginated } from "./paginate.ts";
export { PaginationError } from "./pagination-error.ts";
export { parseRetryAfter } from "./parse-retry-after.ts";
export { RedirectError } from "./redirect-error.ts";
export type { RequestOptions } from "./request-options.ts";
export { ResponseError, type ResponseErrorReason } from "./response-error.ts";
export { type AttemptFailure, isRetryable } from "./retry-policy.ts";
export { USER_AGENT } from "./set-version-headers.ts";
export {
  AuthenticationError,
  apiErrorClassFor,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./status-errors.ts";
export { TimeoutError } from "./timeout-error.ts";
export { createTinyClient } from "./tiny/create-tiny-client.ts";
export type { TinyClient, TinyMethodName, TinyResource } from "./tiny/tiny-client.ts";
export type { TinyCallOptions, TinyClientOptions } from "./tiny/tiny-client-options.ts";
export { VERSION } from "./version.ts";
export { DEFAULT_WAIT_TIMEOUT, type WaitConfig, type WaitForOptions, waitFor } from "./wait-for.ts";
export { WaitTimeoutError } from "./wait-timeout-error.ts";
export type { HmacSha256 } from "./webhooks/check-webhook-signature.ts";
export {
  type FetchWebhookPayloadOptions,
  fetchWebhookPayload,
} from "./webhooks/fetch-webhook-payload.ts";
export { verifyWebhook } from "./webhooks/verify-webhook.ts";
export type { VerifyWebhookOptions } from "./webhooks/verify-webhook-options.ts";
export type {
  SignedUrlWebhookEvent,
  WebhookDelivery,
  WebhookEvent,
  WebhookEventType,
} from "./webhooks/webhook-event.ts";
export {
  WebhookPayloadError,
  type WebhookPayloadFailure,
} from "./webhooks/webhook-payload-error.ts";
export {
  type WebhookRefusal,
  WebhookVerificationError,
} from "./webhooks/webhook-verification-error.ts";
export { withInvoke } from "./with-invoke.ts";
export { type RoutedClient, type RunsClient, withRuns } from "./with-runs.ts";
export type { ExtendResources, Pollable, RunOf, WithWaitFor } from "./with-wait-for.ts";
