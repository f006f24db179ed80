import { operationTable } from "@extendkit/core";

/**
 * The operationIds a proxy must forward for the conformance cases: they read, list, cancel and
 * delete every run type, beyond the proxy's defaults (retrieve, cancel, delete).
 */
export const PROXY_ALLOW: readonly string[] = operationTable
  .filter((op) => ["retrieve", "list", "cancel", "delete"].includes(op.kind))
  .map((op) => op.operationId);
