import { ApiFailure } from "./api-failure.ts";
import type { ApiKeyConfig } from "./api-key-config.ts";
import type { Switches } from "./switches.ts";

/** Index in `keys` of the key a request carries, or null (no key, malformed, unknown). */
export function keyIndexOf(keys: readonly ApiKeyConfig[], headers: Headers): number | null {
  const m = /^Bearer +(\S+) *$/i.exec(headers.get("authorization") ?? "");
  if (!m) return null;
  const i = keys.findIndex((k) => k.key === m[1]);
  return i === -1 ? null : i;
}

const unauthorized = (message: string) =>
  new ApiFailure(401, "UNAUTHORIZED", message, { retryable: false });

/**
 * The workspace a request acts in (REFERENCE §1.2), or an ApiFailure: 401 for a missing, malformed
 * or unknown key; for workspace targeting, as the switches say. No message contains a key.
 */
export function authenticate(
  keys: readonly ApiKeyConfig[],
  headers: Headers,
  switches: Switches,
): { keyIndex: number; workspaceId: string } {
  const header = headers.get("authorization");
  if (!header)
    throw unauthorized("Missing Authorization header; send `Authorization: Bearer <API key>`.");
  if (!/^Bearer +\S+ *$/i.test(header))
    throw unauthorized("Malformed Authorization header; expected `Bearer <API key>`.");
  const keyIndex = keyIndexOf(keys, headers);
  const key = keyIndex === null ? undefined : keys[keyIndex];
  if (keyIndex === null || !key) throw unauthorized("Invalid API key.");
  const wanted = headers.get("x-extend-workspace-id");
  if (key.scope === "workspace") {
    if (wanted && wanted !== key.workspaceId && switches.foreignWorkspaceHeader === "reject")
      throw new ApiFailure(403, "FORBIDDEN", `This API key may not act in workspace ${wanted}.`, {
        retryable: false,
      });
    return { keyIndex, workspaceId: key.workspaceId };
  }
  if (!wanted) {
    const { status, code } = switches.orgKeyWithoutWorkspace;
    throw new ApiFailure(
      status,
      code,
      "Organization-scoped API keys must send the x-extend-workspace-id header.",
      { retryable: false },
    );
  }
  if (!key.workspaceIds.includes(wanted))
    throw new ApiFailure(403, "FORBIDDEN", `This API key may not act in workspace ${wanted}.`, {
      retryable: false,
    });
  return { keyIndex, workspaceId: wanted };
}
