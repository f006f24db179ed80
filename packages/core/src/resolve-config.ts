import type { ClientConfig } from "./client-config.ts";
import {
  type ClientOptions,
  DEFAULT_API_VERSION,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_AFTER,
  DEFAULT_RETRY_BUDGET,
  DEFAULT_TOTAL_TIMEOUT,
} from "./client-options.ts";
import { systemClock } from "./clock.ts";
import { createRedactor, NO_SECRET } from "./create-redactor.ts";
import { InvalidArgumentError } from "./invalid-argument-error.ts";
import { limitConcurrency } from "./limit-concurrency.ts";
import { createLog, LOG_LEVELS, type LogLevel } from "./logger.ts";
import { numberProblem } from "./number-problem.ts";
import { createRetryBudget } from "./retry-budget.ts";

// Printable ASCII: what can travel in a header value unchanged. Checked here so that a bad key
// fails with our message, never with a runtime's "invalid header value" that quotes it.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** A header value; an empty, blank or spaced key fails here, never as a bad header. */
const header = (v: unknown) =>
  typeof v === "string" && HEADER_SAFE.test(v)
    ? undefined
    : "must be a non-empty string of printable ASCII, no spaces";

/**
 * What is wrong with each option when it is set (undefined: nothing), in the order they are
 * checked; an unset option takes its default, except `apiKey`, which is required (null: no
 * credentials, for a proxy, which `baseUrl` must then name).
 */
const CHECKS: {
  [K in keyof ClientOptions]?: (value: unknown, options: ClientOptions) => string | undefined;
} = {
  apiKey: (v, options) =>
    v !== null
      ? header(v)
      : options.baseUrl === undefined
        ? "null (no credentials) needs a baseUrl"
        : undefined,
  apiVersion: header,
  workspaceId: header,
  // null takes the default too (`??` below).
  baseUrl: (v) =>
    v === null ||
    (typeof v === "string" && URL.canParse(v) && /^https?:$/.test(new URL(v).protocol))
      ? undefined
      : `must be an absolute http(s) URL, got ${JSON.stringify(String(v).slice(0, 80))}`,
  fetch: (v) => (typeof v === "function" ? undefined : "must be a function"),
  logLevel: (v) =>
    LOG_LEVELS.includes(v as LogLevel) ? undefined : `must be one of ${LOG_LEVELS.join(", ")}`,
  maxConcurrency: (v) => numberProblem(v, 1, true),
  maxRetries: (v) => numberProblem(v, 0, true),
  timeout: (v) => numberProblem(v, 1),
  totalTimeout: (v) => numberProblem(v, 1),
  maxRetryAfter: (v) => numberProblem(v, 0),
  retryBudget: (v) => (v === false ? undefined : numberProblem(v, 0)),
};

/** Validates `createClient` options and fills in defaults. Messages never quote the API key. */
export function resolveConfig(options: ClientOptions): ClientConfig {
  for (const [key, check] of Object.entries(CHECKS)) {
    const value = options?.[key as keyof ClientOptions];
    const problem = value === undefined && key !== "apiKey" ? undefined : check(value, options);
    if (problem !== undefined) throw new InvalidArgumentError(`createClient: ${key} ${problem}`);
  }
  const redactor = options.apiKey === null ? NO_SECRET : createRedactor(options.apiKey);
  const userFetch = options.fetch;
  const fetch = limitConcurrency(
    userFetch ?? ((request) => globalThis.fetch(request)),
    options.maxConcurrency,
  );
  return {
    apiKey: options.apiKey,
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
    workspaceId: options.workspaceId,
    fetch,
    send:
      userFetch === undefined && options.maxConcurrency === undefined
        ? (url, init) => globalThis.fetch(url, init)
        : (url, init) => fetch(new Request(url, init)),
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeout: options.timeout,
    totalTimeout: options.totalTimeout ?? DEFAULT_TOTAL_TIMEOUT,
    maxRetryAfter: options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER,
    strictIds: options.strictIds === true,
    idempotencyKeys: options.idempotencyKeys === true,
    retryCountHeader: options.retryCountHeader !== false,
    budget: createRetryBudget(
      options.retryBudget === false
        ? Number.POSITIVE_INFINITY
        : (options.retryBudget ?? DEFAULT_RETRY_BUDGET),
    ),
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    log: createLog(options.logger, options.logLevel ?? "info", redactor),
    redactor,
  };
}
