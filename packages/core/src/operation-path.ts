import type { OperationSpec } from "./operation-spec.ts";

/**
 * `op.path` with its one path parameter (the API has no other) filled in with `id`, encoded as one
 * segment: `/extract_runs/exr_1`. The id must have passed `assertPathParam`.
 */
export function operationPath(op: OperationSpec, id: string): string {
  const name = op.pathParams[0];
  return name === undefined ? op.path : op.path.replace(`{${name}}`, encodeURIComponent(id));
}
