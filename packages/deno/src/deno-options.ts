import { type ClientOptions, ENV_VARIABLES, ExtendError, optionsFromEnv } from "@extendkit/core";

/** The part of the `Deno` namespace this adapter uses (typed here so the npm build needs no Deno types). */
interface DenoEnv {
  env: { get(name: string): string | undefined };
}

const ALLOW_ENV = `--allow-env=${Object.values(ENV_VARIABLES).join(",")}`;

/**
 * Client options from `Deno.env` (`EXTEND_API_KEY` required, `EXTEND_WORKSPACE_ID`,
 * `EXTEND_BASE_URL`, `EXTEND_API_VERSION`) and `overrides`, which win; only variables not given
 * in `overrides` are read, so the program needs `--allow-env` for those names only. A denied read
 * throws an `ExtendError` that says which flag to add (`factory` names the function to pass the
 * option to instead); a missing key throws `InvalidArgumentError` naming `EXTEND_API_KEY`.
 */
export function denoOptions(overrides: Partial<ClientOptions>, factory: string): ClientOptions {
  const deno = (globalThis as { Deno?: DenoEnv }).Deno;
  if (deno === undefined) throw new ExtendError("@extendkit/deno runs in Deno only");
  const read = (name: string) => {
    try {
      return deno.env.get(name);
    } catch (error) {
      throw new ExtendError(
        `reading ${name} was denied: run deno with ${ALLOW_ENV}, or pass that option to ${factory}()`,
        { cause: error },
      );
    }
  };
  return optionsFromEnv(read, overrides, "Deno.env");
}
