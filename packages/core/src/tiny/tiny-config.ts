import type { Clock } from "../clock.ts";
import type { Redactor } from "../create-redactor.ts";

/** A tiny client's options, checked and with defaults filled in (`createTinyClient`). */
export interface TinyConfig {
  /** `baseUrl` without trailing slashes. */
  base: string;
  /** The base URL's own path (`/v1` of `https://host/v1`, else ""), for messages. */
  basePath: string;
  /** Every request's headers: credentials, API version, workspace, extendkit's version. */
  headers: Record<string, string>;
  send: (url: string, init: RequestInit) => Promise<Response>;
  maxRetries: number;
  timeout: number;
  maxRetryAfter: number;
  clock: Clock;
  random: () => number;
  redactor: Redactor;
}
