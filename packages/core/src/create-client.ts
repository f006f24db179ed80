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
  // The bulk helpers send through a client of the same options without retries: they own retries.
  const bulk = createBulkRuns(
    (fetch) => createClient({ ...options, maxRetries: 0, fetch }),
    config,
  );
  Object.assign(client.runs, bulk);
  return client as ExtendClient;
}
