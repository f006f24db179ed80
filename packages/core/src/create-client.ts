import createFetchClient, { type Client, type Middleware } from "openapi-fetch";
import { buildResources } from "./build-resources.ts";
import { type BulkRuns, createBulkRuns } from "./bulk/create-bulk-runs.ts";
import type { ClientOptions } from "./client-options.ts";
import type { ClientRuntime } from "./client-runtime.ts";
import { createRunsRouter, type RunsRouter } from "./create-runs-router.ts";
import { createTransport } from "./create-transport.ts";
import type { paths } from "./generated/openapi.ts";
import { operationTable } from "./generated/operations.ts";
import { LazyRequest } from "./lazy-request.ts";
import { resolveConfig } from "./resolve-config.ts";
import { serializePath } from "./serialize-path.ts";
import type { ExtendResources } from "./with-wait-for.ts";

/** The client: every resource of the spec (with `waitFor`), `runs`, middleware, and `raw`. */
export type ExtendClient = ExtendResources & {
  /**
   * Operations on a run of any type, routed by id prefix, and the bulk helpers `deleteMany`,
   * `cancelMany` and `find` (src/bulk).
   */
  readonly runs: RunsRouter & BulkRuns;
  /**
   * The underlying openapi-fetch client (`{ data, error, response }` results), for anything the
   * resources do not cover. It shares the client's transport: credentials, version and workspace
   * headers, retries, timeouts and path parameter validation.
   */
  readonly raw: Client<paths>;
  /** Adds openapi-fetch middleware (`onRequest`, `onResponse`, `onError`). It sees one request per call, without the API key. */
  use(...middleware: Middleware[]): void;
  /** Removes middleware added with `use`. */
  eject(...middleware: Middleware[]): void;
};

/** Creates a client for Extend's run API. Throws `InvalidArgumentError` on bad options. */
export function createClient(options: ClientOptions): ExtendClient {
  const config = resolveConfig(options);
  const transport = createTransport(config);
  const raw = createFetchClient<paths>({
    baseUrl: config.baseUrl,
    // openapi-fetch passes a second argument we do not use; only the request goes down.
    fetch: (request: Request) => transport(request),
    // Not globalThis.Request: reading it at creation costs Node 20 an undici load (lazy-request.ts).
    Request: LazyRequest,
    pathSerializer: serializePath,
    redirect: "manual",
  });
  const rt: ClientRuntime = { raw, transport, config };
  // The bulk helpers send through a client of the same options without retries: they own retries.
  const bulk = createBulkRuns(
    (fetch) => createClient({ ...options, maxRetries: 0, fetch }),
    config,
  );
  return Object.assign(buildResources(rt, operationTable), {
    runs: Object.assign(createRunsRouter(rt, operationTable), bulk),
    raw,
    use: (...middleware: Middleware[]) => raw.use(...middleware),
    eject: (...middleware: Middleware[]) => raw.eject(...middleware),
  });
}
