/**
 * @module
 * Deno adapter of extendkit: `createClient` and `createTinyClient` configured from `Deno.env`, and
 * everything else of `@extendkit/core`.
 *
 * @example
 * ```ts
 * import { createClient } from "@extendkit/deno";
 * // deno run --allow-env=EXTEND_API_KEY,EXTEND_WORKSPACE_ID,EXTEND_BASE_URL,EXTEND_API_VERSION --allow-net=api.extend.ai
 * const client = createClient();
 * await client.workflowRuns.cancel("workflow_run_xKm9pNv3qWsY_jL2tR5Dh");
 * ```
 */
export * from "@extendkit/core";
export { createClient } from "./create-client.ts";
export { createTinyClient } from "./create-tiny-client.ts";
