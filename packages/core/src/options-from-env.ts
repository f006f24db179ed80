import type { ClientOptions } from "./client-options.ts";
import { InvalidArgumentError } from "./invalid-argument-error.ts";

/** The environment variable (or Worker binding) that fills each option, in every adapter. */
export const ENV_VARIABLES = {
  apiKey: "EXTEND_API_KEY",
  workspaceId: "EXTEND_WORKSPACE_ID",
  baseUrl: "EXTEND_BASE_URL",
  apiVersion: "EXTEND_API_VERSION",
} as const;

/**
 * Client options from environment variables, `overrides` winning. `read` is called only for
 * options not overridden (so a Deno program asks only for the variables it uses); an empty
 * value counts as unset. Throws `InvalidArgumentError` naming `EXTEND_API_KEY` and `source`
 * when no key is found. Used by the runtime adapters; it never touches a global itself.
 */
export function optionsFromEnv(
  read: (name: string) => string | undefined,
  overrides: Partial<ClientOptions> = {},
  source = "the environment",
): ClientOptions {
  const options: Record<string, unknown> = {};
  for (const [option, name] of Object.entries(ENV_VARIABLES)) {
    const value = overrides[option as keyof ClientOptions] === undefined ? read(name) : undefined;
    if (value !== undefined && value !== "") options[option] = value;
  }
  const merged = { ...options, ...overrides } as ClientOptions;
  if (merged.apiKey === undefined) {
    throw new InvalidArgumentError(
      `${ENV_VARIABLES.apiKey} is not set in ${source}: set it, or pass createClient({ apiKey })`,
    );
  }
  return merged;
}
