import type { ClientOptions } from "../client-options.ts";

/**
 * Options of `createTinyClient`: `ClientOptions` with a required, non-null `apiKey` (a tiny client
 * talks to the API itself, never to a proxy). It honours `baseUrl`, `apiVersion`, `workspaceId`,
 * `fetch`, `maxRetries`, `timeout`, `maxRetryAfter`, `clock` and `random`, with the same meanings
 * and defaults; the others are checked like every client's but have no effect, so options the
 * adapters build from the environment fit as they are.
 */
export type TinyClientOptions = Omit<ClientOptions, "apiKey"> & { apiKey: string };

/** Per-call options of a tiny client's methods. */
export interface TinyCallOptions {
  /** Aborts the call, including any wait between attempts; the call rejects with `AbortError`. */
  signal?: AbortSignal;
  /** Overrides the client's per-attempt `timeout` (ms) for this call. */
  timeout?: number;
}
