import {
  type ClientOptions,
  createClient as createCoreClient,
  type ExtendClient,
  optionsFromEnv,
} from "@extendkit/core";

/**
 * A client configured from `process.env`: `EXTEND_API_KEY` (required), `EXTEND_WORKSPACE_ID`,
 * `EXTEND_BASE_URL`, `EXTEND_API_VERSION`. `overrides` win over the environment. Throws
 * `InvalidArgumentError` naming `EXTEND_API_KEY` when no key is set.
 */
export function createClient(overrides: Partial<ClientOptions> = {}): ExtendClient {
  return createCoreClient(optionsFromEnv((name) => process.env[name], overrides, "process.env"));
}
