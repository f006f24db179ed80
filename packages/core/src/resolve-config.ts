import { CLIENT_OPTION_CHECKS } from "./check-client-options.ts";
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
import { createLog } from "./logger.ts";
import { createRetryBudget } from "./retry-budget.ts";

/** Validates `createClient` options and fills in defaults. Messages never quote the API key. */
export function resolveConfig(options: ClientOptions): ClientConfig {
  for (const [key, check] of Object.entries(CLIENT_OPTION_CHECKS)) {
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
