/**
 * @module
 * Browser entry of extendkit: `createBrowserClient({ proxyUrl })`, a client with every resource
 * method that sends no credentials; your server's `@extendkit/browser/proxy` adds them. It holds
 * no API key and has no option for one. Errors and types are `@extendkit/core`'s; its
 * `createClient`, which takes a key, is deliberately not re-exported.
 */
export type * from "@extendkit/core";
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  ExtendError,
  InternalServerError,
  InvalidArgumentError,
  isAlreadyDeleted,
  NotCancellableError,
  NotFoundError,
  PaginationError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  ResponseError,
  TimeoutError,
  UnprocessableEntityError,
  WaitTimeoutError,
} from "@extendkit/core";
export {
  type BrowserClient,
  type BrowserClientOptions,
  type BrowserExtension,
  createBrowserClient,
} from "./create-browser-client.ts";
export { waitForRun } from "./wait-for-run.ts";
export { withRuns } from "./with-runs.ts";
