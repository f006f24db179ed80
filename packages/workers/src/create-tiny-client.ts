import {
  type ClientOptions,
  createTinyClient as createCoreTinyClient,
  type TinyClient,
  type TinyClientOptions,
} from "@extendkit/core";
import type { ExtendEnv } from "./create-client.ts";
import { envOptions } from "./worker-options.ts";

/**
 * `createClient(env, overrides?)`'s tiny counterpart (`@extendkit/core`'s `createTinyClient`):
 * `retrieve`/`get`, `cancel` and `delete` of every run type, configured from the same bindings,
 * for the smallest Worker (README "Bundle size"). It has no `maxConcurrency`: Workers hold a 7th
 * simultaneous connection back themselves, and the per-attempt `timeout` counts that wait.
 */
export function createTinyClient(
  env: ExtendEnv,
  overrides: Partial<ClientOptions> = {},
): TinyClient {
  return createCoreTinyClient(envOptions(env, overrides) as TinyClientOptions);
}
