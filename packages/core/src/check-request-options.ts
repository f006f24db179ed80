import { InvalidArgumentError } from "./invalid-argument-error.ts";
import { numberProblem } from "./number-problem.ts";
import type { OperationSpec } from "./operation-spec.ts";
import type { RequestOptions } from "./request-options.ts";

/**
 * Every key `RequestOptions` accepts (the type keeps them in step), in the order they are checked,
 * with what is wrong with a set value (undefined: nothing). Any other key is rejected rather than
 * silently ignored.
 */
const CHECKS: Record<keyof RequestOptions, (value: unknown) => string | undefined> = {
  signal: (v) => (v instanceof AbortSignal ? undefined : "must be an AbortSignal"),
  headers: (v) => (typeof v === "object" && v !== null ? undefined : "must be an object"),
  idempotencyKey: (v) =>
    typeof v === "string" && v !== "" ? undefined : "must be a non-empty string",
  maxRetries: (v) => numberProblem(v, 0, true),
  timeout: (v) => numberProblem(v, 1),
  totalTimeout: (v) => numberProblem(v, 1),
  maxPages: (v) => numberProblem(v, 1, true),
};

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
    if (!Object.hasOwn(CHECKS, key)) fail(`has an unknown key ${JSON.stringify(key)}`);
  }
  for (const [key, check] of Object.entries(CHECKS)) {
    const value = record[key];
    const problem = value === undefined ? undefined : check(value);
    if (problem !== undefined) fail(`${key} ${problem}`);
  }
  if (record.maxPages !== undefined && op.kind !== "list")
    fail("maxPages applies to list methods only");
  return record as RequestOptions;
}
