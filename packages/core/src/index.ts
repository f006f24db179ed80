export { ApiError, type ApiErrorInit } from "./api-error.ts";
export { assertPathParam } from "./assert-path-param.ts";
export { AttemptTimeoutError } from "./bulk/attempt-timeout-error.ts";
export { BulkIntegrityError } from "./bulk/bulk-integrity-error.ts";
export type { BulkItem, BulkOptions, BulkSource } from "./bulk/bulk-options.ts";
export { BULK_DEFAULTS } from "./bulk/bulk-options.ts";
export type * from "./bulk/bulk-report.ts";
export { BulkStoppedError } from "./bulk/bulk-stopped-error.ts";
export type { Clock } from "./bulk/clock.ts";
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
export {
  type ClientOptions,
  DEFAULT_API_VERSION,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
} from "./client-options.ts";
export { createClient, type ExtendClient } from "./create-client.ts";
export { ExtendError } from "./extend-error.ts";
export type { components, operations, paths } from "./generated/openapi.ts";
export { operationTable } from "./generated/operations.ts";
export type * from "./generated/resources.ts";
export { runTypes } from "./generated/run-types.ts";
export type * from "./generated/schemas.ts";
export { InvalidArgumentError } from "./invalid-argument-error.ts";
export type { OperationKind, OperationSpec } from "./operation-spec.ts";
export type { BodyOf, ListResult, OperationId, QueryOf, ResponseOf } from "./operation-types.ts";
export type { RequestOptions } from "./request-options.ts";
