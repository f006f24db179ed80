import {
  type ClientOptions,
  createLiteClient as createCoreLiteClient,
  type LiteClient,
} from "@extendkit/core";
import type { ExtendEnv } from "./create-client.ts";
import { workerOptions } from "./worker-options.ts";

/**
 * `createClient(env, overrides?)`'s lite counterpart (`@extendkit/core`'s `createLiteClient`):
 * every resource method with the same options, retries, timeouts and errors, but no `waitFor`,
 * `runs`, bulk helpers, pagination or `raw`, so a Worker bundles a fraction of the bytes
 * (README "Bundle size"). Configured from the same bindings, with the same defaults.
 */
export function createLiteClient(
  env: ExtendEnv,
  overrides: Partial<ClientOptions> = {},
): LiteClient {
  return createCoreLiteClient(workerOptions(env, overrides));
}
