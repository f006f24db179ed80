import {
  type ClientOptions,
  createClient as createCoreClient,
  type ExtendClient,
} from "@extendkit/core";
import { workerOptions } from "./worker-options.ts";

/** The bindings the client reads (plain-text variables or secrets); other bindings are ignored. */
export interface ExtendEnv {
  EXTEND_API_KEY?: string;
  EXTEND_WORKSPACE_ID?: string;
  EXTEND_BASE_URL?: string;
  EXTEND_API_VERSION?: string;
}

/**
 * A client configured from the Worker's `env`: `EXTEND_API_KEY` (required; `wrangler secret put
 * EXTEND_API_KEY`), `EXTEND_WORKSPACE_ID`, `EXTEND_BASE_URL`, `EXTEND_API_VERSION`. `overrides`
 * win. `maxConcurrency` defaults to 6, so bulk work (`Promise.all` over many deletes) stays within
 * Workers' connection limit. Creating one per request is cheap. For smaller bundles, see
 * `createLiteClient` (every resource method) and `createTinyClient` (run-id methods only).
 */
export function createClient(env: ExtendEnv, overrides: Partial<ClientOptions> = {}): ExtendClient {
  return createCoreClient(workerOptions(env, overrides));
}
