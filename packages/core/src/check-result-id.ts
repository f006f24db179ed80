import type { Redactor } from "./create-redactor.ts";
import { deleteResult } from "./delete-result.ts";
import { excerpt } from "./excerpt.ts";
import { operationPath } from "./operation-path.ts";
import type { OperationSpec } from "./operation-spec.ts";
import { ResponseError } from "./response-error.ts";

/**
 * Returns a successful body after checking it names the run that was asked for (reliability B8):
 * a retrieve, cancel or delete answered with another run's id is a `ResponseError`
 * (`id-mismatch`), never a success. An empty DELETE answer (204) becomes `{ id }`, the documented
 * shape (legacy: `{ success, documentProcessorRunId, message }`).
 */
export function checkResultId(
  op: OperationSpec,
  id: string,
  data: unknown,
  response: { readonly status: number; readonly headers: Headers },
  redactor: Redactor,
): unknown {
  if (op.kind === "delete" && data === undefined) {
    return deleteResult(op, id, "Deleted (the API sent no body).");
  }
  if (!["retrieve", "cancel", "delete"].includes(op.kind) || op.pathParams.length === 0)
    return data;
  const named = idOf(data);
  if (named === undefined || named === id) return data;
  throw new ResponseError(`names run ${JSON.stringify(named.slice(0, 80))}`, {
    reason: "id-mismatch",
    status: response.status,
    method: op.httpMethod.toUpperCase(),
    path: operationPath(op, id),
    headers: redactor.value(response.headers),
    excerpt: excerpt(JSON.stringify(data), redactor),
  });
}

function idOf(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const body = data as Record<string, unknown>;
  const run = (body.processorRun ?? body.batchProcessorRun ?? body) as Record<string, unknown>;
  const id = run?.id ?? body.documentProcessorRunId;
  return typeof id === "string" ? id : undefined;
}
