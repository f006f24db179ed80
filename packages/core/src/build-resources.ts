import type { OperationCall } from "./call-operation.ts";
import type { OperationSpec } from "./operation-spec.ts";

/** A resource method or root method as built at run time (typed by the generated resources). */
export type Method = (...args: unknown[]) => unknown;

/**
 * Turns the operation table into `client.<resource>.<method>` and root methods, each made by
 * `methodFor`. Returns the resources as plain objects, keyed by resource (or method, for root
 * methods), for the caller to type.
 */
export function buildResources(
  table: readonly OperationSpec[],
  methodFor: (op: OperationSpec) => Method,
): Record<string, Record<string, Method> | Method> {
  const out: Record<string, Record<string, Method> | Method> = {};
  for (const op of table) {
    if (op.resource === null) {
      out[op.name] = methodFor(op);
      continue;
    }
    const resource = (out[op.resource] ?? {}) as Record<string, Method>;
    resource[op.name] = methodFor(op);
    out[op.resource] = resource;
  }
  return out;
}

/**
 * Sorts a method's arguments by one convention, read from the table: `(id?, request?, options?)` —
 * `id` when the path has a parameter, `request` when the operation takes a body or query,
 * `options` always last.
 */
export function sortArguments(op: OperationSpec, args: unknown[]): OperationCall {
  let next = 0;
  const id = op.pathParams.length > 0 ? args[next++] : undefined;
  const takesRequest = op.hasBody || op.queryParams.length > 0;
  const request = takesRequest ? (args[next++] as Record<string, unknown> | undefined) : undefined;
  return { id, request, options: args[next] };
}
