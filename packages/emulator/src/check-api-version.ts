import { ApiFailure } from "./api-failure.ts";
import type { Switches } from "./switches.ts";

/** The only API version the emulator serves. */
export const API_VERSION = "2026-02-09";

/** Versions Extend has shipped before (REFERENCE §1.3); the emulator answers them with a clear 400. */
const LEGACY_VERSIONS = new Set(["2025-04-21", "2024-12-23", "2024-11-14"]);

/**
 * `x-extend-api-version` (REFERENCE §1.3): `2026-02-09` is served; a missing header is accepted as
 * `2026-02-09` or refused, per the `missingApiVersion` switch; anything else is a 400.
 */
export function checkApiVersion(headers: Headers, switches: Switches): void {
  const version = headers.get("x-extend-api-version");
  if (version === API_VERSION) return;
  const fail = (message: string) =>
    new ApiFailure(400, "INVALID_REQUEST", message, { retryable: false });
  if (version === null) {
    if (switches.missingApiVersion === "accept") return;
    throw fail(
      `Missing x-extend-api-version header; send \`x-extend-api-version: ${API_VERSION}\`.`,
    );
  }
  if (LEGACY_VERSIONS.has(version))
    throw fail(`API version ${version} is a legacy version; this server speaks ${API_VERSION}.`);
  throw fail(`Unknown API version ${JSON.stringify(version.slice(0, 40))}; use ${API_VERSION}.`);
}
