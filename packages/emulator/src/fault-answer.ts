import { resetBeforeResponse } from "./connection-errors.ts";
import type { EmulatorState } from "./emulator-state.ts";
import type { Fault } from "./faults/fault.ts";
import { htmlPage } from "./faults/html-page.ts";

const DEFAULT_CODE = (status: number) =>
  status === 429 ? "RATE_LIMIT_EXCEEDED" : status >= 500 ? "INTERNAL_ERROR" : "INVALID_REQUEST";

/**
 * The answer of a fault that replaces handling (error, html, resetBeforeCommit): nothing is applied.
 * A `Retry-After` it sends sets the client's not-before time (records.retryAfterViolations).
 */
export function faultAnswer(
  state: EmulatorState,
  fault: Fault,
  client: string,
  now: number,
  requestId: string,
): Response {
  const headers = new Headers({ "x-extend-request-id": requestId });
  if (fault.type === "resetBeforeCommit") throw resetBeforeResponse();
  if (fault.type === "html") {
    headers.set("content-type", "text/html; charset=utf-8");
    return new Response(htmlPage(fault.status), { status: fault.status, headers });
  }
  if (fault.type !== "error")
    throw new Error(`faultAnswer: ${fault.type} does not replace an answer`);
  if (fault.retryAfter !== undefined) {
    const until =
      typeof fault.retryAfter === "number"
        ? now + fault.retryAfter * 1000
        : now + fault.retryAfter.dateOffsetMs;
    headers.set(
      "retry-after",
      typeof fault.retryAfter === "number"
        ? String(fault.retryAfter)
        : new Date(until).toUTCString(),
    );
    if (until > now) state.notBefore.set(client, until);
  }
  headers.set("content-type", "application/json");
  const body = {
    code: fault.code ?? DEFAULT_CODE(fault.status),
    message: fault.message ?? `Injected fault: HTTP ${fault.status}.`,
    retryable: fault.retryable ?? (fault.status === 429 || fault.status >= 500),
    requestId,
  };
  return new Response(JSON.stringify(body), { status: fault.status, headers });
}
