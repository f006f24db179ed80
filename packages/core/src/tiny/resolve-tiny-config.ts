import { CLIENT_OPTION_CHECKS } from "../check-client-options.ts";
import {
  DEFAULT_API_VERSION,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_AFTER,
  DEFAULT_TIMEOUT,
} from "../client-options.ts";
import { systemClock } from "../clock.ts";
import { createRedactor } from "../create-redactor.ts";
import { InvalidArgumentError } from "../invalid-argument-error.ts";
import { setVersionHeaders } from "../set-version-headers.ts";
import type { TinyClientOptions } from "./tiny-client-options.ts";
import type { TinyConfig } from "./tiny-config.ts";

/**
 * Checks a tiny client's options by the same rules as every client's (`CLIENT_OPTION_CHECKS`),
 * refuses a null `apiKey`, and fills in the same defaults. Throws `InvalidArgumentError`. The
 * table is shared and its five-line loop is not: as one function for both clients it cost the lite
 * Worker 26 B (RELEASING.md "Size budgets").
 */
export function resolveTinyConfig(options: TinyClientOptions): TinyConfig {
  for (const [key, check] of Object.entries(CLIENT_OPTION_CHECKS)) {
    const value = options?.[key as keyof TinyClientOptions];
    const problem =
      key === "apiKey" && value === null
        ? "is required"
        : value === undefined && key !== "apiKey"
          ? undefined
          : check(value, options);
    if (problem !== undefined)
      throw new InvalidArgumentError(`createTinyClient: ${key} ${problem}`);
  }
  const { apiKey, apiVersion, workspaceId, fetch } = options;
  const base = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const headers: Record<string, string> = {
    authorization: `Bearer ${apiKey}`,
    "x-extend-api-version": apiVersion ?? DEFAULT_API_VERSION,
  };
  if (workspaceId !== undefined) headers["x-extend-workspace-id"] = workspaceId;
  setVersionHeaders(headers);
  // The base URL's own path (`/v1` of `https://host/v1`), for messages.
  const originEnd = base.indexOf("/", base.indexOf("//") + 2);
  return {
    base,
    basePath: originEnd === -1 ? "" : base.slice(originEnd),
    headers,
    send:
      fetch === undefined
        ? (url, init) => globalThis.fetch(url, init)
        : (url, init) => fetch(new Request(url, init)),
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    timeout: options.timeout ?? DEFAULT_TIMEOUT,
    maxRetryAfter: options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    redactor: createRedactor(apiKey),
  };
}
