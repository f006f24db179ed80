import { operationTable } from "../generated/operations.ts";
import { runTypes } from "../generated/run-types.ts";
import { InvalidArgumentError } from "../invalid-argument-error.ts";

/** The run operations bulk jobs route by ID. */
export type RunOperation = "retrieve" | "cancel" | "delete";

/** Where a run operation lives on the client: `client[resource][method](id, options)`. */
export interface RunRoute {
  resource: string;
  method: string;
  /** The method takes a query or body before its options (`parseRuns.retrieve(id, query, options)`). */
  takesRequest: boolean;
}

// Longest prefix first, so `batch_processor_run_` wins over shorter prefixes.
const byPrefix = /* @__PURE__ */ [...runTypes].sort((a, b) => b.prefix.length - a.prefix.length);

/**
 * The client method that serves `operation` for the run `id`, by ID prefix (REFERENCE §1.5).
 * Throws `InvalidArgumentError` when the prefix names no run type, or that run type has no such
 * operation (edit runs cannot be cancelled; batch runs cannot be deleted).
 */
export function routeRun(id: string, operation: RunOperation): RunRoute {
  const type = byPrefix.find((t) => id.startsWith(t.prefix));
  if (type === undefined) {
    throw new InvalidArgumentError(
      `run id ${JSON.stringify(id.slice(0, 40))} has no known run-type prefix (${byPrefix.map((t) => t.prefix).join(", ")})`,
    );
  }
  const op = operationTable.find(
    (o) => o.resource === type.resource && (o.kind === operation || o.name === operation),
  );
  if (op === undefined || op.resource === null) {
    throw new InvalidArgumentError(
      `${type.object} runs (${type.prefix}…) have no ${operation} operation`,
    );
  }
  return {
    resource: op.resource,
    method: op.name,
    takesRequest: op.hasBody || op.queryParams.length > 0,
  };
}
