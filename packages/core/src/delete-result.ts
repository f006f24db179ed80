import type { OperationSpec } from "./operation-spec.ts";

/**
 * The documented answer to a delete, built by the client when the API's answer has none to give
 * (a 204, or a retried delete that found the run gone): `{ id }`, or for legacy processor runs
 * `{ success, documentProcessorRunId, message }` with `message` saying why it was built.
 */
export function deleteResult(
  op: Pick<OperationSpec, "resource">,
  id: string,
  message: string,
): object {
  return op.resource === "processorRuns"
    ? { success: true, documentProcessorRunId: id, message }
    : { id };
}
