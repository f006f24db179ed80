/** Options of `createClient`. Only `apiKey` is required. */
export interface ClientOptions {
  /** Extend API key, sent as `Authorization: Bearer …`. Never logged or included in errors. */
  apiKey: string;
  /** API origin. Default: `https://api.extend.ai` (US1); also `https://api.us2.extend.app`, `https://api.eu1.extend.ai`. */
  baseUrl?: string;
  /** Value of `x-extend-api-version`. Default: `2026-02-09`, the version the types describe. */
  apiVersion?: string;
  /** Value of `x-extend-workspace-id`; required by organization-scoped keys. Default: not sent. */
  workspaceId?: string;
  /** The `fetch` to send requests with (tests pass an emulator's). Default: `globalThis.fetch`, looked up per call. */
  fetch?: (request: Request) => Promise<Response>;
  /** Retries after the first attempt, for requests that are safe to retry. Default: 2. */
  maxRetries?: number;
}

/** Defaults of `ClientOptions`, in one place. */
export const DEFAULT_BASE_URL = "https://api.extend.ai";
export const DEFAULT_API_VERSION = "2026-02-09";
export const DEFAULT_MAX_RETRIES = 2;
