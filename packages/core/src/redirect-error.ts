import { ExtendError } from "./extend-error.ts";

/**
 * The API answered with a redirect. extendkit never follows one, so the API key cannot reach
 * another origin (node-fetch CVE-2022-0235); `location` keeps only the target's origin.
 */
export class RedirectError extends ExtendError {
  override name = "RedirectError";
  declare readonly status: number;
  declare readonly method: string;
  declare readonly path: string;
  declare readonly location: string | undefined;

  constructor(init: { status: number; method: string; path: string; location: string | null }) {
    // null reads as "null", never an absolute URL: no origin.
    const target = init.location as string;
    const location = URL.canParse(target) ? new URL(target).origin : undefined;
    super(
      `${init.method} ${init.path}: redirect (${init.status}${location === undefined ? "" : ` to ${location}`}) not followed`,
      { ...init, location },
    );
  }
}
