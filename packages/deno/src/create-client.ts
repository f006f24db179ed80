import {
  type ClientOptions,
  createClient as createCoreClient,
  ENV_VARIABLES,
  type ExtendClient,
  ExtendError,
  optionsFromEnv,
} from "@extendkit/core";

/** The part of the `Deno` namespace this adapter uses (typed here so the npm build needs no Deno types). */
interface DenoEnv {
  env: { get(name: string): string | undefined };
}

const ALLOW_ENV = `--allow-env=${Object.values(ENV_VARIABLES).join(",")}`;

/**
 * A client configured from `Deno.env`: `EXTEND_API_KEY` (required), `EXTEND_WORKSPACE_ID`,
 * `EXTEND_BASE_URL`, `EXTEND_API_VERSION`. Only variables not given in `overrides` are read, so
 * the program needs `--allow-env` for those names only. A denied read throws an `ExtendError`
 * that says which flag to add; a missing key throws `InvalidArgumentError` naming `EXTEND_API_KEY`.
 */
export function createClient(overrides: Partial<ClientOptions> = {}): ExtendClient {
  const deno = (globalThis as { Deno?: DenoEnv }).Deno;
  if (deno === undefined) throw new ExtendError("@extendkit/deno runs in Deno only");
  const read = (name: string) => {
    try {
      return deno.env.get(name);
    } catch (error) {
      throw new ExtendError(
        `reading ${name} was denied: run deno with ${ALLOW_ENV}, or pass that option to createClient()`,
        { cause: error },
      );
    }
  };
  return createCoreClient(optionsFromEnv(read, overrides, "Deno.env"));
}
