import { ApiFailure, ERROR_DOC_URL } from "./api-failure.ts";
import type { SpecOperation } from "./spec-operations.ts";

const invalid = (message: string, status: number) =>
  new ApiFailure(status, "INVALID_REQUEST", message, { retryable: false, docUrl: ERROR_DOC_URL });

/**
 * The JSON body of a request, or undefined when there is none. Operations without a request body
 * in the spec (get, list, cancel, delete) ignore whatever is sent: the SDK sends nothing, the CLI
 * sends `{}` (REFERENCE §1.4).
 */
export async function readJsonBody(
  request: Request,
  op: SpecOperation,
  invalidStatus: number,
): Promise<unknown> {
  const text = await request.text();
  if (!op.bodySchema || text.length === 0) return undefined;
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type))
    throw invalid(
      `Content-Type must be application/json, got ${JSON.stringify(type)}.`,
      invalidStatus,
    );
  try {
    return JSON.parse(text);
  } catch {
    throw invalid("The request body is not valid JSON.", invalidStatus);
  }
}
