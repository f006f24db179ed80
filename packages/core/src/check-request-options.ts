import { InvalidArgumentError } from "./invalid-argument-error.ts";
import { numberProblem } from "./number-problem.ts";
import type { OperationSpec } from "./operation-spec.ts";
import { REQUEST_OPTION_KEYS, type RequestOptions } from "./request-options.ts";

/**
 * Rejects an options object the client would otherwise ignore or misread: unknown keys (a typo such
 * as `timeoutMs`), values of the wrong type, and `maxPages` outside list methods.
 */
export function checkRequestOptions(
  op: OperationSpec,
  options: unknown,
): RequestOptions | undefined {
  if (options === undefined) return undefined;
  const fail = (message: string): never => {
    throw new InvalidArgumentError(`${op.operationId}: options ${message}`);
  };
  if (typeof options !== "object" || options === null) fail("must be an object");
  const record = options as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!REQUEST_OPTION_KEYS.has(key)) fail(`has an unknown key ${JSON.stringify(key)}`);
  }
  const { signal, headers, idempotencyKey, maxPages } = record;
  if (signal !== undefined && !(signal instanceof AbortSignal))
    fail("signal must be an AbortSignal");
  if (headers !== undefined && (typeof headers !== "object" || headers === null))
    fail("headers must be an object");
  if (
    idempotencyKey !== undefined &&
    (typeof idempotencyKey !== "string" || idempotencyKey === "")
  ) {
    fail("idempotencyKey must be a non-empty string");
  }
  for (const [key, min, integer] of [
    ["maxRetries", 0, true],
    ["timeout", 1],
    ["totalTimeout", 1],
    ["maxPages", 1, true],
  ] as const) {
    const problem = numberProblem(record[key], min, integer);
    if (problem !== undefined) fail(`${key} ${problem}`);
  }
  if (maxPages !== undefined && op.kind !== "list") fail("maxPages applies to list methods only");
  return record as RequestOptions;
}
