import { callOperation } from "./call-operation.ts";
import type { ClientRuntime } from "./client-runtime.ts";
import type { OperationSpec } from "./operation-spec.ts";
import { type WaitForOptions, waitFor } from "./wait-for.ts";

/** `client.<resource>.waitFor(id, options)`: `waitFor` over the resource's retrieve operation `op`. */
export function waitForMethod(rt: ClientRuntime, op: OperationSpec) {
  return (id: unknown, options?: WaitForOptions<unknown>) =>
    waitFor(
      (runId, callOptions) =>
        callOperation(rt, op, { id: runId, request: undefined, options: callOptions }),
      id,
      options,
      rt.config,
      op.path,
    );
}
