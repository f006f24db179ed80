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
import { createLog, LOG_LEVELS } from "./logger.ts";
import { numberProblem } from "./number-problem.ts";
import { createRetryBudget } from "./retry-budget.ts";

// Printable ASCII: what can travel in a header value unchanged. Checked here so that a bad key
// fails with our message, never with a runtime's "invalid header value" that quotes it.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** Validates `createClient` options and fills in defaults. Messages never quote the API key. */
export function resolveConfig(options: ClientOptions): ClientConfig {
  const fail = (message: string) => {
    throw new InvalidArgumentError(`createClient: ${message}`);
  };
  if (options?.apiKey === null && options.baseUrl === undefined)
    fail("apiKey null (no credentials) needs a baseUrl");
  // Required unless null; an empty, blank or spaced key fails here, never as a bad header.
  for (const name of ["apiKey", "apiVersion", "workspaceId"] as const) {
    const value = options?.[name];
    if (
      (name === "apiKey" ? value !== null : value !== undefined) &&
      (typeof value !== "string" || !HEADER_SAFE.test(value))
    ) {
      fail(`${name} must be a non-empty string of printable ASCII, no spaces`);
    }
  }
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  if (
    typeof baseUrl !== "string" ||
    !URL.canParse(baseUrl) ||
    !/^https?:$/.test(new URL(baseUrl).protocol)
  ) {
    fail(
      `baseUrl must be an absolute http(s) URL, got ${JSON.stringify(String(baseUrl).slice(0, 80))}`,
    );
  }
  const number = (name: keyof ClientOptions, min: number, integer?: boolean) => {
    const problem = numberProblem(options[name], min, integer);
    if (problem !== undefined) fail(`${name} ${problem}`);
    return options[name] as number | undefined;
  };
  if (options.fetch !== undefined && typeof options.fetch !== "function")
    fail("fetch must be a function");
  if (options.logLevel !== undefined && !LOG_LEVELS.includes(options.logLevel)) {
    fail(`logLevel must be one of ${LOG_LEVELS.join(", ")}`);
  }
  const redactor = options.apiKey === null ? NO_SECRET : createRedactor(options.apiKey);
  const userFetch = options.fetch;
  const fetch = limitConcurrency(
    userFetch ?? ((request) => globalThis.fetch(request)),
    number("maxConcurrency", 1, true),
  );
  return {
    apiKey: options.apiKey,
    baseUrl,
    apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
    workspaceId: options.workspaceId,
    fetch,
    send:
      userFetch === undefined && options.maxConcurrency === undefined
        ? (url, init) => globalThis.fetch(url, init)
        : (url, init) => fetch(new Request(url, init)),
    maxRetries: number("maxRetries", 0, true) ?? DEFAULT_MAX_RETRIES,
    timeout: number("timeout", 1),
    totalTimeout: number("totalTimeout", 1) ?? DEFAULT_TOTAL_TIMEOUT,
    maxRetryAfter: number("maxRetryAfter", 0) ?? DEFAULT_MAX_RETRY_AFTER,
    strictIds: options.strictIds === true,
    idempotencyKeys: options.idempotencyKeys === true,
    retryCountHeader: options.retryCountHeader !== false,
    budget: createRetryBudget(
      options.retryBudget === false
        ? Number.POSITIVE_INFINITY
        : (number("retryBudget", 0) ?? DEFAULT_RETRY_BUDGET),
    ),
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    log: createLog(options.logger, options.logLevel ?? "info", redactor),
    redactor,
  };
}
