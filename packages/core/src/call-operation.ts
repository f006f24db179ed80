import { assertIdPrefix } from "./assert-id-prefix.ts";
import { assertPathParam } from "./assert-path-param.ts";
import { checkRequestOptions } from "./check-request-options.ts";
import { checkResultId } from "./check-result-id.ts";
import type { CallAnswer, CallParams, ClientRuntime } from "./client-runtime.ts";
import { createApiError } from "./create-api-error.ts";
import { createCallContext } from "./create-call-context.ts";
import { deleteResult } from "./delete-result.ts";
import { ExtendError } from "./extend-error.ts";
import { InvalidArgumentError } from "./invalid-argument-error.ts";
import { markAlreadyDeleted } from "./is-already-deleted.ts";
import { CANCEL_REFUSALS, NotCancellableError } from "./not-cancellable-error.ts";
import { numberProblem } from "./number-problem.ts";
import { operationPath } from "./operation-path.ts";
import type { OperationSpec } from "./operation-spec.ts";
import { parseRetryAfter } from "./parse-retry-after.ts";
import { prepareOperation } from "./prepare-operation.ts";
import { sendWithRetries } from "./send-with-retries.ts";

/** The arguments of one resource method call, already sorted by `buildResources`. */
export interface OperationCall {
  id: unknown;
  request: Record<string, unknown> | undefined;
  options: unknown;
}

/**
 * Sends one operation and resolves to the parsed body of a 2xx answer. Non-2xx answers throw the
 * per-status `ApiError` subclass; a 400/409/422 to a cancel throws `NotCancellableError`. A DELETE
 * whose retry found the run gone resolves to a client-built result that `isAlreadyDeleted`
 * recognises. When the operation has both a body and query parameters (sync `parse`), the table's
 * query keys are taken out of `request` and the rest is the body. Every error leaving here is free
 * of the API key.
 *
 * The call goes straight to the transport (`prepareOperation` → `sendWithRetries`), one `Request`
 * per attempt, unless the client has middleware registered (`rt.viaMiddleware`), which must see
 * one request and one response per call through openapi-fetch.
 */
export async function callOperation(
  rt: ClientRuntime,
  op: OperationSpec,
  call: OperationCall,
): Promise<unknown> {
  try {
    return await send(rt, op, call);
  } catch (error) {
    throw error instanceof ExtendError ? scrub(error, rt) : rt.config.redactor.error(error);
  }
}

async function send(rt: ClientRuntime, op: OperationSpec, call: OperationCall): Promise<unknown> {
  const { config } = rt;
  const options = checkRequestOptions(op, call.options);
  const params: CallParams = {};
  const idName = op.pathParams[0];
  const id = call.id as string;
  if (idName !== undefined) {
    assertPathParam(idName, id);
    if (config.strictIds) assertIdPrefix(op.resource, id);
    params.path = { [idName]: id };
  }
  let body: Record<string, unknown> | undefined;
  if (call.request !== undefined && op.hasBody) {
    body = { ...call.request };
    const query: Record<string, unknown> = {};
    for (const key of op.queryParams) {
      if (key in body) {
        query[key] = body[key];
        delete body[key];
      }
    }
    if (op.queryParams.length > 0) params.query = query;
  } else if (call.request !== undefined) {
    params.query = call.request;
  }
  if (op.kind === "list") checkMaxPageSize(op, params.query?.maxPageSize);
  const ctx = createCallContext(config, op.kind, options);
  const headers = options?.headers;
  let answer: CallAnswer | undefined = await rt.viaMiddleware?.(op, params, body, headers, ctx);
  if (answer === undefined) {
    const prepared = prepareOperation(config, op, params, body, headers, ctx);
    const sent = await sendWithRetries(prepared, ctx, config);
    const { status, statusText, headers: answerHeaders } = sent;
    const parsed = status < 300 ? sent.json : errorBody(sent.text);
    answer = { status, statusText, headers: answerHeaders, body: parsed };
  }
  if (answer.status < 300) return checkResultId(op, id, answer.body, answer, config.redactor);
  if (op.kind === "delete" && answer.status === 404 && ctx.confirmedAbsent) {
    return markAlreadyDeleted(
      deleteResult(op, id, "Already deleted: a retried DELETE found the run gone."),
    );
  }
  const apiError = createApiError(
    {
      status: answer.status,
      statusText: answer.statusText,
      body: answer.body,
      headers: answer.headers,
      method: op.httpMethod.toUpperCase(),
      path: operationPath(op, id),
      attempts: ctx.attempts,
      retryAfterMs: parseRetryAfter(answer.headers, config.clock.now()),
      outcomeUnknown: ctx.outcomeUnknown,
    },
    config.redactor,
  );
  if (op.kind === "cancel" && CANCEL_REFUSALS.has(answer.status)) {
    throw new NotCancellableError({ id, cause: apiError });
  }
  throw apiError;
}

/** An error body as openapi-fetch gives it: parsed JSON, else the text. */
function errorBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `maxPageSize` must be a positive integer (reliability PG5); the API documents no maximum. */
function checkMaxPageSize(op: OperationSpec, value: unknown): void {
  // Query values may come as strings, as they travel.
  const problem =
    typeof value === "string" && /^[1-9]\d*$/.test(value)
      ? undefined
      : numberProblem(value, 1, true);
  if (problem !== undefined) {
    throw new InvalidArgumentError(
      `${op.operationId}: maxPageSize ${problem}, got ${JSON.stringify(value)}`,
    );
  }
}

/**
 * Last line of defence: our own messages quote ids and paths, never the key, but check anyway.
 * The stack is only rewritten when the message needed it: V8 builds a stack from the message at
 * construction, and reading `stack` makes it format every frame.
 */
function scrub(error: ExtendError, rt: ClientRuntime): ExtendError {
  const { redactor } = rt.config;
  const message = redactor.text(error.message);
  if (message !== error.message) {
    error.message = message;
    if (error.stack !== undefined) error.stack = redactor.text(error.stack);
  }
  return error;
}
