import type { Client } from "openapi-fetch";
import { callOperation, type OperationCall } from "./call-operation.ts";
import type { paths } from "./generated/openapi.ts";
import type { GeneratedResources } from "./generated/resources.ts";
import type { OperationSpec } from "./operation-spec.ts";
import type { RequestOptions } from "./request-options.ts";

type Method = (...args: unknown[]) => Promise<unknown>;

/**
 * Turns the operation table into `client.<resource>.<method>` and root methods. Arguments follow
 * one convention, read from the table: `(id?, request?, options?)` — `id` when the path has a
 * parameter, `request` when the operation takes a body or query, `options` always last.
 */
export function buildResources(
  raw: Client<paths>,
  table: readonly OperationSpec[],
): GeneratedResources {
  const out: Record<string, unknown> = {};
  for (const op of table) {
    const method: Method = (...args) => callOperation(raw, op, sortArguments(op, args));
    if (op.resource === null) {
      out[op.name] = method;
    } else {
      const resource = (out[op.resource] ?? {}) as Record<string, Method>;
      resource[op.name] = method;
      out[op.resource] = resource;
    }
  }
  return out as unknown as GeneratedResources;
}

function sortArguments(op: OperationSpec, args: unknown[]): OperationCall {
  let next = 0;
  const id = op.pathParams.length > 0 ? args[next++] : undefined;
  const takesRequest = op.hasBody || op.queryParams.length > 0;
  const request = takesRequest ? (args[next++] as Record<string, unknown> | undefined) : undefined;
  const options = args[next] as RequestOptions | undefined;
  return { id, request, options };
}
