import { type ClientOptions, optionsFromEnv } from "@extendkit/core";

/** Workers allow 6 simultaneous open connections per invocation; the client never needs a 7th. */
export const WORKERS_MAX_CONCURRENCY = 6;

/**
 * Client options from a Worker's `env` bindings (`EXTEND_API_KEY`, …; non-string bindings are
 * ignored) and `overrides`, which win.
 */
export function envOptions(env: object, overrides: Partial<ClientOptions>): ClientOptions {
  const read = (name: string) => {
    const value = (env as Record<string, unknown>)?.[name];
    return typeof value === "string" ? value : undefined;
  };
  return optionsFromEnv(read, overrides, "the Worker's env bindings");
}

/** `envOptions`, with `maxConcurrency` defaulting to `WORKERS_MAX_CONCURRENCY`. */
export function workerOptions(env: object, overrides: Partial<ClientOptions>): ClientOptions {
  return { maxConcurrency: WORKERS_MAX_CONCURRENCY, ...envOptions(env, overrides) };
}
