import type { CallContext } from "./call-context.ts";
import type { ClientConfig } from "./client-config.ts";
import { setVersionHeaders } from "./set-version-headers.ts";

/**
 * Adds the client's headers to a call's `headers` (lower-case names) in place: credentials (or
 * none when `apiKey` is null), the API version, extendkit's own version (`x-extendkit-version`,
 * User-Agent), the workspace and the idempotency key. They are set last, beneath the caller and any
 * middleware, so per-call headers cannot replace them and nothing above the transport ever sees
 * the API key.
 */
export function addClientHeaders(
  headers: Record<string, string>,
  config: ClientConfig,
  ctx: CallContext,
): void {
  if (config.apiKey === null) delete headers.authorization;
  else headers.authorization = `Bearer ${config.apiKey}`;
  headers["x-extend-api-version"] = config.apiVersion;
  setVersionHeaders(headers);
  if (config.workspaceId !== undefined) headers["x-extend-workspace-id"] = config.workspaceId;
  else delete headers["x-extend-workspace-id"];
  if (ctx.idempotencyKey !== undefined) headers["idempotency-key"] = ctx.idempotencyKey;
}
