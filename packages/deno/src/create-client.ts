import {
  type ClientOptions,
  createClient as createCoreClient,
  type ExtendClient,
} from "@extendkit/core";
import { denoOptions } from "./deno-options.ts";

/**
 * A client configured from `Deno.env`: `EXTEND_API_KEY` (required), `EXTEND_WORKSPACE_ID`,
 * `EXTEND_BASE_URL`, `EXTEND_API_VERSION`. Only variables not given in `overrides` are read, so
 * the program needs `--allow-env` for those names only. A denied read throws an `ExtendError`
 * that says which flag to add; a missing key throws `InvalidArgumentError` naming `EXTEND_API_KEY`.
 */
export function createClient(overrides: Partial<ClientOptions> = {}): ExtendClient {
  return createCoreClient(denoOptions(overrides, "createClient"));
}
