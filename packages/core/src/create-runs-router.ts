import { assertPathParam } from "./assert-path-param.ts";
import type { OperationCall } from "./call-operation.ts";
import { findRunType } from "./find-run-type.ts";
import type { GeneratedResources } from "./generated/resources.ts";
import type { runTypes } from "./generated/run-types.ts";
import { InvalidArgumentError } from "./invalid-argument-error.ts";
import type { OperationKind, OperationSpec } from "./operation-spec.ts";
import type { RequestOptions } from "./request-options.ts";
import type { WaitForOptions } from "./wait-for.ts";
import type { RunOf } from "./with-wait-for.ts";

/** A resource that `client.runs` can route an id to (spec `x-extendkit-run-types`). */
export type RoutableResource = (typeof runTypes)[number]["resource"];

type ResultOf<R, M extends string> =
  R extends Record<M, (...args: never[]) => Promise<infer T>> ? T : never;
type Across<M extends string> = {
  [K in RoutableResource]: ResultOf<GeneratedResources[K], M>;
}[RoutableResource];

/** Any run `client.runs.retrieve` can return. */
export type AnyRun = { [K in RoutableResource]: RunOf<GeneratedResources[K]> }[RoutableResource];

/** `client.runs`: operations on a run of any type, routed by its id's prefix (REFERENCE §1.5). */
export interface RunsRouter {
  /** Reads the run through its resource's `retrieve` (or `get`). */
  retrieve(id: string, options?: RequestOptions): Promise<AnyRun>;
  /** Cancels the run; `InvalidArgumentError` for types that cannot be cancelled (edit, form detection, batch). */
  cancel(id: string, options?: RequestOptions): Promise<Across<"cancel">>;
  /** Deletes the run; `InvalidArgumentError` for types that cannot be deleted (form detection, batch). */
  delete(id: string, options?: RequestOptions): Promise<Across<"delete">>;
  /** `waitFor` of the run's resource. */
  waitFor(id: string, options?: WaitForOptions<AnyRun>): Promise<AnyRun>;
  /** The resource serving `id` (longest matching prefix), or undefined when no run type has its prefix. */
  resourceFor(id: string): RoutableResource | undefined;
}

/**
 * Sends one operation the way a client does: `callOperation` in core's clients, one call through
 * the proxy in the browser client.
 */
export type InvokeOperation = (op: OperationSpec, call: OperationCall) => Promise<unknown>;

/**
 * Polls a run through `read` (core's `waitFor` on a client's config); `path` is the read's
 * template, for messages. Passed in, so a client without waits bundles none of it.
 */
export type RunWait = (
  read: (id: string, options: object) => Promise<unknown>,
  id: unknown,
  options: WaitForOptions<unknown> | undefined,
  path: string,
) => Promise<unknown>;

/**
 * Builds `client.runs` over `invoke`, with `waitFor` polling through it when `wait` is given
 * (without it the router has no `waitFor`; the caller's type says so). The id is validated like
 * any path parameter first; an id whose prefix names no run type, or an operation its type does
 * not have, is an `InvalidArgumentError` and nothing is sent. Ids shared by two types route as the
 * table says (`exr_` → extract runs, not legacy processor runs; `bpr_` → batch runs, not
 * evaluation-set runs).
 */
export function createRunsRouter(
  invoke: InvokeOperation,
  table: readonly OperationSpec[],
  wait?: RunWait,
): RunsRouter {
  const route = (id: unknown, kind: OperationKind, verb: string): OperationSpec => {
    assertPathParam("id", id);
    const type = findRunType(id);
    if (type === undefined) {
      throw new InvalidArgumentError(
        `runs.${verb}: no run type has the prefix of id ${JSON.stringify(id.slice(0, 40))}; use the resource's own method`,
      );
    }
    const op = table.find((o) => o.resource === type.resource && o.kind === kind);
    if (op === undefined) {
      throw new InvalidArgumentError(
        `runs.${verb}: ${type.resource} (id ${JSON.stringify(id.slice(0, 40))}) has no ${verb} operation`,
      );
    }
    return op;
  };
  // async: a bad id rejects the returned promise, like every other method, rather than throwing.
  const call =
    (kind: OperationKind, verb: string) => async (id: string, options?: RequestOptions) =>
      invoke(route(id, kind, verb), { id, request: undefined, options });
  const router: Omit<RunsRouter, "waitFor"> & Partial<RunsRouter> = {
    retrieve: call("retrieve", "retrieve") as RunsRouter["retrieve"],
    cancel: call("cancel", "cancel") as RunsRouter["cancel"],
    delete: call("delete", "delete") as RunsRouter["delete"],
    resourceFor: (id) => (typeof id === "string" ? findRunType(id)?.resource : undefined),
  };
  if (wait !== undefined) {
    router.waitFor = async (id, options) => {
      const op = route(id, "retrieve", "waitFor");
      const read = (runId: string, callOptions: object) =>
        invoke(op, { id: runId, request: undefined, options: callOptions });
      return (await wait(read, id, options as WaitForOptions<unknown>, op.path)) as AnyRun;
    };
  }
  return router as RunsRouter;
}
