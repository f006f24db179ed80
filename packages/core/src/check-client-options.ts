import type { ClientOptions } from "./client-options.ts";
import { LOG_LEVELS, type LogLevel } from "./logger.ts";
import { numberProblem } from "./number-problem.ts";

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
 * credentials, for a proxy, which `baseUrl` must then name). One table for every client
 * (`resolveConfig`, `resolveTinyConfig`), so each refuses an option with the same words.
 */
export const CLIENT_OPTION_CHECKS: {
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
