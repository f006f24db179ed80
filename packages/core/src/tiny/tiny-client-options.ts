import type { ClientOptions } from "../client-options.ts";

/**
 * Options of `createTinyClient`: the subset of `ClientOptions` a tiny client honours, with the
 * same meanings and defaults. `apiKey` is required and may not be null (a tiny client talks to the
 * API itself, never to a proxy). Options of `ClientOptions` not listed here are ignored, so the
 * options the adapters build from the environment fit as they are.
 */
export type TinyClientOptions = Pick<
  ClientOptions,
  | "baseUrl"
  | "apiVersion"
  | "workspaceId"
  | "fetch"
  | "maxRetries"
  | "timeout"
  | "maxRetryAfter"
  | "clock"
  | "random"
> & { apiKey: string } & Partial<ClientOptions>;

/** Per-call options of a tiny client's methods. */
export interface TinyCallOptions {
  /** Aborts the call, including any wait between attempts; the call rejects with `AbortError`. */
  signal?: AbortSignal;
  /** Overrides the client's per-attempt `timeout` (ms) for this call. */
  timeout?: number;
}
