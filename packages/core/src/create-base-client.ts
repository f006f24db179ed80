import type { Client, Middleware } from "openapi-fetch";
import { buildResources, sortArguments } from "./build-resources.ts";
import { callOperation } from "./call-operation.ts";
import type { ClientConfig } from "./client-config.ts";
import type { ClientOptions } from "./client-options.ts";
import type { ClientRuntime } from "./client-runtime.ts";
import { createFetchClient } from "./create-fetch-client.ts";
import { createMiddlewarePath } from "./create-middleware-path.ts";
import { createRunsRouter, type RunsRouter } from "./create-runs-router.ts";
import { createTransport } from "./create-transport.ts";
import type { paths } from "./generated/openapi.ts";
import { operationTable } from "./generated/operations.ts";
import { LazyRequest } from "./lazy-request.ts";
import { listMethod } from "./list-method.ts";
import { resolveConfig } from "./resolve-config.ts";
import { serializePath } from "./serialize-path.ts";
import { waitFor } from "./wait-for.ts";
import { waitForMethod } from "./wait-for-method.ts";
import type { ExtendResources } from "./with-wait-for.ts";

/**
 * The client without the bulk helpers: every resource of the spec (with `waitFor` and paginated
 * lists), `runs` routing, middleware, and `raw`. `createClient` adds `deleteMany`, `cancelMany`
 * and `find` to `runs`; `createLiteClient` keeps only the resource methods.
 */
export type BaseClient = ExtendResources & {
  /** Operations on a run of any type, routed by id prefix. */
  readonly runs: RunsRouter;
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

/** Creates a client without the bulk helpers. Throws `InvalidArgumentError` on bad options. */
export function createBaseClient(options: ClientOptions): BaseClient {
  return baseClientFromConfig(resolveConfig(options));
}

/** `createBaseClient` from options already resolved, so `createClient` resolves them only once. */
export function baseClientFromConfig(config: ClientConfig): BaseClient {
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
  const middleware = trackMiddleware(raw);
  const rt: ClientRuntime = {
    config,
    viaMiddleware: createMiddlewarePath(raw, transport, middleware),
  };
  const resources = buildResources(operationTable, (op) =>
    op.kind === "list"
      ? (...args) => listMethod(rt, op, sortArguments(op, args))
      : (...args) => callOperation(rt, op, sortArguments(op, args)),
  );
  for (const op of operationTable) {
    if (op.kind === "retrieve" && op.resource !== null) {
      (resources[op.resource] as Record<string, unknown>).waitFor = waitForMethod(rt, op);
    }
  }
  return Object.assign(resources as unknown as ExtendResources, {
    runs: createRunsRouter(
      (op, call) => callOperation(rt, op, call),
      operationTable,
      (read, id, options, path) => waitFor(read, id, options, rt.config, path),
    ),
    raw,
    // `trackMiddleware` made these closures over `raw`: they need no `this`.
    use: raw.use,
    eject: raw.eject,
  });
}

/**
 * Mirrors openapi-fetch's middleware list (its `use`/`eject`, one middleware at a time so a
 * rejected one leaves both lists alike), so resource methods know whether any middleware would
 * see their responses. Covers `client.use` and `client.raw.use` alike.
 */
function trackMiddleware(raw: Client<paths>): readonly Middleware[] {
  const list: Middleware[] = [];
  const use = raw.use.bind(raw);
  const eject = raw.eject.bind(raw);
  raw.use = (...middleware) => {
    for (const m of middleware) {
      use(m);
      if (m) list.push(m);
    }
  };
  raw.eject = (...middleware) => {
    eject(...middleware);
    for (const m of middleware) {
      const i = list.indexOf(m);
      if (i !== -1) list.splice(i, 1);
    }
  };
  return list;
}
