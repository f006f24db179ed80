import type { CallContext } from "./call-context.ts";
import type { ClientConfig } from "./client-config.ts";
import { ConnectionError } from "./connection-error.ts";
import { excerpt } from "./excerpt.ts";
import { inspectJson, isJsonContentType } from "./inspect-json.ts";
import type { PreparedRequest } from "./prepare-request.ts";
import { ResponseError, type ResponseErrorReason } from "./response-error.ts";
import type { BufferedResponse } from "./send-attempt.ts";

/**
 * Refuses a 2xx answer whose body is not the JSON the operation returns, so a broken body is never
 * counted as a success (reliability finding 6, catalogue D2–D4, B7):
 * - empty body: accepted for DELETE only (a 204, or a 200 with no body); otherwise `ResponseError`;
 * - a Content-Type other than JSON: `ResponseError` (`content-type`); no Content-Type is tolerated;
 * - JSON cut off part-way: `ConnectionError` with `outcomeUnknown`, retried like a reset;
 * - complete but malformed JSON: `ResponseError` (`invalid-json`), not retried.
 * Returns the parsed body (undefined when empty), so it need not be parsed again.
 */
export function checkSuccessBody(
  response: BufferedResponse,
  prepared: PreparedRequest,
  ctx: CallContext,
  config: ClientConfig,
): unknown {
  const contentType = response.headers.get("content-type");
  // The common case first, without allocating: a JSON body that parses.
  if (contentType === null || isJsonContentType(contentType)) {
    try {
      return JSON.parse(response.text);
    } catch {}
  }
  if (/^\s*$/.test(response.text)) {
    if (ctx.kind === "delete") return undefined;
    refuse(response, prepared, config, "empty-body", "with no body");
  }
  if (contentType !== null && !isJsonContentType(contentType)) {
    const shown = JSON.stringify(contentType.slice(0, 60));
    refuse(response, prepared, config, "content-type", `with ${shown} instead of JSON`);
  }
  const json = inspectJson(response.text);
  if (json.ok) return json.value;
  if (json.truncated) {
    throw new ConnectionError("the response body was cut off", {
      method: prepared.method,
      path: prepared.path,
      attempts: ctx.attempts,
      outcomeUnknown: true,
    });
  }
  refuse(response, prepared, config, "invalid-json", "with invalid JSON");
}

function refuse(
  response: BufferedResponse,
  prepared: PreparedRequest,
  config: ClientConfig,
  reason: ResponseErrorReason,
  detail: string,
): never {
  throw new ResponseError(detail, {
    reason,
    status: response.status,
    method: prepared.method,
    path: prepared.path,
    headers: config.redactor.value(response.headers),
    excerpt: excerpt(response.text, config.redactor),
  });
}
