import { type BulkRuns, createBulkRuns } from "./bulk/create-bulk-runs.ts";
import type { ClientOptions } from "./client-options.ts";
import { type BaseClient, baseClientFromConfig } from "./create-base-client.ts";
import type { RunsRouter } from "./create-runs-router.ts";
import { resolveConfig } from "./resolve-config.ts";

/** The client: `BaseClient` plus the bulk helpers `deleteMany`, `cancelMany` and `find` on `runs` (src/bulk). */
export type ExtendClient = Omit<BaseClient, "runs"> & {
  /**
   * Operations on a run of any type, routed by id prefix, and the bulk helpers `deleteMany`,
   * `cancelMany` and `find` (src/bulk).
   */
  readonly runs: RunsRouter & BulkRuns;
};

/** Creates a client for Extend's run API. Throws `InvalidArgumentError` on bad options. */
export function createClient(options: ClientOptions): ExtendClient {
  const config = resolveConfig(options);
  const client = baseClientFromConfig(config);
  // The bulk helpers send through a client of the same configuration without retries (they own
  // retries), its transports behind their shared pause. Built from `config`, not from `options`: a
  // `fetch` option would make every attempt build a `Request`, and the platform's fetch then
  // builds a second one that follows the first's signal, per bulk request.
  const bulk = createBulkRuns(
    (gate) =>
      baseClientFromConfig({
        ...config,
        maxRetries: 0,
        fetch: gate(config.fetch),
        send: gate(config.send),
      }),
    config,
  );
  Object.assign(client.runs, bulk);
  return client as ExtendClient;
}
