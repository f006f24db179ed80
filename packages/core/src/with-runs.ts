import { callOperation } from "./call-operation.ts";
import type { ClientExtension, LiteClient } from "./create-lite-client.ts";
import { createRunsRouter, type RunsRouter } from "./create-runs-router.ts";
import { operationTable } from "./generated/operations.ts";
import { waitFor } from "./wait-for.ts";

/**
 * Lite client extension adding `runs` (retrieve, cancel, delete and waitFor of a run of any type,
 * routed by its id's prefix): `createLiteClient(options, withRuns)`. The bulk helpers stay with
 * `createClient`.
 */
export const withRuns: ClientExtension<{ readonly runs: RunsRouter }> = (rt) => ({
  runs: createRunsRouter(
    (op, call) => callOperation(rt, op, call),
    operationTable,
    (read, id, options, path) => waitFor(read, id, options, rt.config, path),
  ),
});

/**
 * A lite client with `runs`: what `createLiteClient(options, withRuns)` and the browser client
 * return. The full clients (`createClient`, `createBaseClient`) fit it too, so code written against
 * it runs with any of them.
 */
export type RunsClient = LiteClient & { readonly runs: RunsRouter };

/**
 * A lite client with `runs` for retrieve, cancel and delete: the shape every extendkit client
 * fits, the browser client's (which polls with `waitForRun` instead of `runs.waitFor`) included.
 */
export type RoutedClient = LiteClient & { readonly runs: Omit<RunsRouter, "waitFor"> };
