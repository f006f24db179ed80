import { VERSION } from "./version.ts";

/** `User-Agent` product token of the client: `extendkit/<version>`. */
export const USER_AGENT = `extendkit/${VERSION}`;

/**
 * Marks a request as sent by extendkit: `x-extendkit-version: <version>` always, and
 * `User-Agent: extendkit/<version>` unless the caller set a User-Agent of their own. `headers`
 * has lower-case names.
 *
 * Browsers do not let scripts set User-Agent: Chromium and Safari drop it silently (no error), so
 * there the version travels in `x-extendkit-version` only. Node, Deno and workerd send both.
 */
export function setVersionHeaders(headers: Record<string, string>): void {
  headers["x-extendkit-version"] = VERSION;
  headers["user-agent"] ??= USER_AGENT;
}
