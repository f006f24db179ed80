import { assertPathParam } from "./assert-path-param.ts";
import { callOperation } from "./call-operation.ts";
import type { ClientRuntime } from "./client-runtime.ts";
import { findRunType } from "./find-run-type.ts";
import type { GeneratedResources } from "./generated/resources.ts";
import type { runTypes } from "./generated/run-types.ts";
import { InvalidArgumentError } from "./invalid-argument-error.ts";
import type { OperationKind, OperationSpec } from "./operation-spec.ts";
import type { RequestOptions } from "./request-options.ts";
import type { WaitForOptions } from "./wait-for.ts";
import { waitForMethod } from "./wait-for-method.ts";
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
 * Builds `client.runs`. The id is validated like any path parameter first; an id whose prefix
 * names no run type, or an operation its type does not have, is an `InvalidArgumentError` and
 * nothing is sent. Ids shared by two types route as the table says (`exr_` → extract runs, not
 * legacy processor runs; `bpr_` → batch runs, not evaluation-set runs).
 */
export function createRunsRouter(rt: ClientRuntime, table: readonly OperationSpec[]): RunsRouter {
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
      callOperation(rt, route(id, kind, verb), { id, request: undefined, options });
  return {
    retrieve: call("retrieve", "retrieve") as RunsRouter["retrieve"],
    cancel: call("cancel", "cancel") as RunsRouter["cancel"],
    delete: call("delete", "delete") as RunsRouter["delete"],
    waitFor: async (id, options) => {
      const op = route(id, "retrieve", "waitFor");
      return (await waitForMethod(rt, op)(id, options as WaitForOptions<unknown>)) as AnyRun;
    },
    resourceFor: (id) => (typeof id === "string" ? findRunType(id)?.resource : undefined),
  };
}
