import { callOperation, type OperationCall } from "./call-operation.ts";
import type { ClientRuntime } from "./client-runtime.ts";
import { InvalidArgumentError } from "./invalid-argument-error.ts";
import type { OperationSpec } from "./operation-spec.ts";
import { DEFAULT_MAX_PAGES, paginate } from "./paginate.ts";
import { type WaitForOptions, waitFor } from "./wait-for.ts";
import type { ExtendResources } from "./with-wait-for.ts";

type Method = (...args: unknown[]) => unknown;

/**
 * Turns the operation table into `client.<resource>.<method>` and root methods. Arguments follow
 * one convention, read from the table: `(id?, request?, options?)` — `id` when the path has a
 * parameter, `request` when the operation takes a body or query, `options` always last.
 * List methods return a `Paginated` result; every resource with a retrieve gets `waitFor`.
 */
export function buildResources(
  rt: ClientRuntime,
  table: readonly OperationSpec[],
): ExtendResources {
  const out: Record<string, unknown> = {};
  for (const op of table) {
    const method: Method =
      op.kind === "list"
        ? (...args) => listMethod(rt, op, sortArguments(op, args))
        : (...args) => callOperation(rt, op, sortArguments(op, args));
    if (op.resource === null) {
      out[op.name] = method;
      continue;
    }
    const resource = (out[op.resource] ?? {}) as Record<string, Method>;
    resource[op.name] = method;
    if (op.kind === "retrieve") {
      resource.waitFor = (id, options) =>
        waitFor(
          (runId, callOptions) =>
            callOperation(rt, op, { id: runId, request: undefined, options: callOptions }),
          id,
          options as WaitForOptions<unknown> | undefined,
          rt.config,
          op.path,
        );
    }
    out[op.resource] = resource;
  }
  return out as unknown as ExtendResources;
}

function listMethod(rt: ClientRuntime, op: OperationSpec, call: OperationCall) {
  const query = { ...call.request };
  const start = typeof query.nextPageToken === "string" ? query.nextPageToken : undefined;
  const maxPages =
    (call.options as { maxPages?: number } | undefined)?.maxPages ?? DEFAULT_MAX_PAGES;
  return paginate(
    async (nextPageToken) => {
      checkMaxPageSize(op, query.maxPageSize);
      const request = nextPageToken === undefined ? query : { ...query, nextPageToken };
      return callOperation(rt, op, { ...call, request });
    },
    start,
    maxPages,
    op.path,
  );
}

/** `maxPageSize` must be a positive integer (reliability PG5); the API documents no maximum. */
function checkMaxPageSize(op: OperationSpec, value: unknown): void {
  if (value === undefined || (typeof value === "number" && Number.isInteger(value) && value >= 1))
    return;
  // Query values may come as strings, as they travel.
  if (typeof value === "string" && /^[1-9][0-9]*$/.test(value)) return;
  throw new InvalidArgumentError(
    `${op.operationId}: maxPageSize must be an integer >= 1, got ${JSON.stringify(value)}`,
  );
}

function sortArguments(op: OperationSpec, args: unknown[]): OperationCall {
  let next = 0;
  const id = op.pathParams.length > 0 ? args[next++] : undefined;
  const takesRequest = op.hasBody || op.queryParams.length > 0;
  const request = takesRequest ? (args[next++] as Record<string, unknown> | undefined) : undefined;
  return { id, request, options: args[next] };
}
