import {
  type ClientOptions,
  createClient as createCoreClient,
  type ExtendClient,
  optionsFromEnv,
} from "@extendkit/core";

/** The bindings the client reads (plain-text variables or secrets); other bindings are ignored. */
export interface ExtendEnv {
  EXTEND_API_KEY?: string;
  EXTEND_WORKSPACE_ID?: string;
  EXTEND_BASE_URL?: string;
  EXTEND_API_VERSION?: string;
}

/** Workers allow 6 simultaneous open connections per invocation; the client never needs a 7th. */
export const WORKERS_MAX_CONCURRENCY = 6;

/**
 * A client configured from the Worker's `env`: `EXTEND_API_KEY` (required; `wrangler secret put
 * EXTEND_API_KEY`), `EXTEND_WORKSPACE_ID`, `EXTEND_BASE_URL`, `EXTEND_API_VERSION`. `overrides`
 * win. `maxConcurrency` defaults to 6, so bulk work (`Promise.all` over many deletes) stays within
 * Workers' connection limit. Creating one per request is cheap.
 */
export function createClient(env: ExtendEnv, overrides: Partial<ClientOptions> = {}): ExtendClient {
  const bindings = env as Record<string, unknown>;
  const read = (name: string) => {
    const value = bindings?.[name];
    return typeof value === "string" ? value : undefined;
  };
  return createCoreClient({
    maxConcurrency: WORKERS_MAX_CONCURRENCY,
    ...optionsFromEnv(read, overrides, "the Worker's env bindings"),
  });
}
