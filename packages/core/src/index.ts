export { ApiError, type ApiErrorInit } from "./api-error.ts";
export { assertPathParam } from "./assert-path-param.ts";
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
export { USER_AGENT } from "./set-version-headers.ts";
export { VERSION } from "./version.ts";
