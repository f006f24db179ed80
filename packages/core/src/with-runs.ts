import type { ClientExtension, LiteClient } from "./create-lite-client.ts";
import { createRunsRouter, type RunsRouter } from "./create-runs-router.ts";
import { operationTable } from "./generated/operations.ts";

/**
 * Lite client extension adding `runs` (retrieve, cancel, delete and waitFor of a run of any type,
 * routed by its id's prefix): `createLiteClient(options, withRuns)`. The bulk helpers stay with
 * `createClient`.
 */
export const withRuns: ClientExtension<{ readonly runs: RunsRouter }> = (rt) => ({
  runs: createRunsRouter(rt, operationTable),
});

/**
 * A lite client with `runs`: what `createLiteClient(options, withRuns)` and the browser client
 * return. The full clients (`createClient`, `createBaseClient`) fit it too, so code written against
 * it runs with any of them.
 */
export type RunsClient = LiteClient & { readonly runs: RunsRouter };
