import { assertIdPrefix } from "./assert-id-prefix.ts";
import { assertPathParam } from "./assert-path-param.ts";
import { checkRequestOptions } from "./check-request-options.ts";
import { checkResultId } from "./check-result-id.ts";
import type { ClientRuntime } from "./client-runtime.ts";
import { createApiError } from "./create-api-error.ts";
import { createCallContext } from "./create-call-context.ts";
import { ExtendError } from "./extend-error.ts";
import { markAlreadyDeleted } from "./is-already-deleted.ts";
import { NotCancellableError } from "./not-cancellable-error.ts";
import type { OperationSpec } from "./operation-spec.ts";
import { parseRetryAfter } from "./parse-retry-after.ts";
import { parsedBodies } from "./parsed-bodies.ts";

/** openapi-fetch's `request`, loosened: the operation table, not the type checker, pairs paths and methods. */
type LooseRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** The arguments of one resource method call, already sorted by `buildResources`. */
export interface OperationCall {
  id: unknown;
  request: Record<string, unknown> | undefined;
  options: unknown;
}

/**
 * Sends one operation through openapi-fetch and resolves to the parsed body of a 2xx answer.
 * Non-2xx answers throw the per-status `ApiError` subclass; a 400/409/422 to a cancel throws
 * `NotCancellableError`. A DELETE whose retry found the run gone resolves to a client-built result
 * that `isAlreadyDeleted` recognises. When the operation has both a body and query parameters
 * (sync `parse`), the table's query keys are taken out of `request` and the rest is the body.
 * Every error leaving here is free of the API key.
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
  const params: Record<string, unknown> = {};
  const idName = op.pathParams[0];
  if (idName !== undefined) {
    assertPathParam(idName, call.id);
    if (config.strictIds) assertIdPrefix(op.resource, call.id);
    params.path = { [idName]: call.id };
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
  const ctx = createCallContext(config, op.kind, options);
  const request = rt.raw.request as unknown as LooseRequest;
  const { error, response } = await request(op.httpMethod, op.path, {
    params,
    ...(body !== undefined && { body }),
    ...(options?.headers !== undefined && { headers: options.headers }),
    fetch: (r: Request) => rt.transport(r, ctx),
    // The transport has parsed the body already (`parsedBodies`); openapi-fetch need not.
    parseAs: "stream",
  });
  const id = call.id as string;
  if (response.ok)
    return checkResultId(op, id, await successBody(response), response, config.redactor);
  if (op.kind === "delete" && response.status === 404 && ctx.confirmedAbsent) {
    return markAlreadyDeleted(
      op.resource === "processorRuns"
        ? {
            success: true,
            documentProcessorRunId: id,
            message: "Already deleted: a retried DELETE found the run gone.",
          }
        : { id },
    );
  }
  const apiError = createApiError(
    {
      status: response.status,
      statusText: response.statusText,
      body: error,
      headers: response.headers,
      method: op.httpMethod.toUpperCase(),
      path: idName === undefined ? op.path : op.path.replace(`{${idName}}`, encodeURIComponent(id)),
      attempts: ctx.attempts,
      retryAfterMs: parseRetryAfter(response.headers, config.clock.now()),
    },
    config.redactor,
  );
  if (op.kind === "cancel" && [400, 409, 422].includes(response.status)) {
    throw new NotCancellableError({ id, cause: apiError });
  }
  throw apiError;
}

/** The parsed 2xx body: from the transport, or parsed here if middleware replaced the response. */
async function successBody(response: Response): Promise<unknown> {
  if (parsedBodies.has(response)) return parsedBodies.get(response);
  const text = await response.text();
  return text === "" ? undefined : JSON.parse(text);
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
