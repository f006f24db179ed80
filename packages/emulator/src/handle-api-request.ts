import { ApiFailure, ERROR_DOC_URL } from "./api-failure.ts";
import { authenticate, keyIndexOf } from "./authenticate.ts";
import { applyBeforeFault } from "./before-fault.ts";
import { checkApiVersion } from "./check-api-version.ts";
import type { EmulatorState } from "./emulator-state.ts";
import type { Exchange } from "./exchange.ts";
import { faultAnswer } from "./fault-answer.ts";
import type { FaultDecision } from "./faults/fault-engine.ts";
import { transportFault } from "./faults/transport-fault.ts";
import { withUnknownFields } from "./faults/unknown-fields.ts";
import { handlerFor } from "./handlers/operation-handlers.ts";
import { rateLimitHeaders } from "./rate-limit-answer.ts";
import { readJsonBody } from "./read-json-body.ts";
import type { SpecOperation } from "./spec-operations.ts";
import { SpecViolationError } from "./spec-violation-error.ts";

interface Answer {
  status: number;
  body: unknown;
  /** True for bodies that are off-spec on purpose (switch `rateLimitBody: "legacy"`). */
  offSpec?: boolean;
}

/** Auth, version, rate limit, validation, idempotency, then the operation's handler. */
async function answer(
  state: EmulatorState,
  op: SpecOperation,
  request: Request,
  id: string,
  exchange: Exchange,
  decision: FaultDecision,
  headers: Headers,
  now: number,
): Promise<Answer> {
  const { switches } = state;
  const { record } = exchange;
  const auth = authenticate(state.keys, request.headers, switches);
  record.workspaceId = auth.workspaceId;
  checkApiVersion(request.headers, switches);
  const client = `key${auth.keyIndex}`;
  const rate = state.rateLimiter.take(client, op.category, now);
  rateLimitHeaders(state, rate, client, now, headers);
  if (!rate.ok) {
    if (switches.rateLimitBody === "legacy")
      return { status: 429, body: { error: "Rate limit exceeded." }, offSpec: true };
    throw new ApiFailure(429, "RATE_LIMIT_EXCEEDED", "Rate limit exceeded.", { retryable: true });
  }
  const body = await readJsonBody(request, op, switches.invalidRequestStatus);
  const url = new URL(request.url);
  const problems = state.validator.request(op, {
    path: id ? { id } : {},
    query: url.searchParams,
    headers: request.headers,
    body,
  });
  if (problems.length > 0)
    throw new ApiFailure(switches.invalidRequestStatus, "INVALID_REQUEST", problems.join("; "), {
      retryable: false,
      docUrl: ERROR_DOC_URL,
    });
  const idemKey = request.headers.get("idempotency-key");
  const idem =
    switches.idempotencyKeys && request.method === "POST" && idemKey
      ? {
          key: `${auth.keyIndex}|${auth.workspaceId}|${op.operationId}|${idemKey}`,
          print: `${id}|${JSON.stringify(body ?? null)}`,
        }
      : null;
  const stored = idem ? state.idempotency.get(idem.key) : undefined;
  if (idem && stored) {
    if (stored.fingerprint !== idem.print)
      throw new ApiFailure(
        400,
        "INVALID_REQUEST",
        "Idempotency-Key was already used with a different request.",
        {
          retryable: false,
        },
      );
    headers.set("idempotent-replayed", "true");
    return { status: stored.status, body: stored.body };
  }
  for (const fault of decision.before) applyBeforeFault(state, fault, id, auth.workspaceId, now);
  const handler = handlerFor(op.operationId);
  if (!handler) throw new Error(`emulator: no handler for ${op.operationId}`);
  let result: Answer;
  try {
    const r = await handler({
      state,
      op,
      workspaceId: auth.workspaceId,
      id,
      query: url.searchParams,
      body,
      now,
      listFault: decision.list,
    });
    result = { status: r.status ?? 200, body: r.body };
  } catch (e) {
    if (!(e instanceof ApiFailure)) throw e;
    for (const [k, v] of Object.entries(e.headers)) headers.set(k, v);
    result = { status: e.status, body: e.body(record.requestId) };
  }
  if (idem) state.idempotency.set(idem.key, { fingerprint: idem.print, ...result });
  return result;
}

/**
 * One API request, end to end: faults before, the answer, strict response validation, faults after.
 * Resolves to the Response, or rejects (connection resets, spec violations) through `exchange.error`.
 */
export async function handleApiRequest(
  state: EmulatorState,
  op: SpecOperation,
  request: Request,
  id: string,
  exchange: Exchange,
): Promise<Response> {
  const { record } = exchange;
  record.operationId = op.operationId;
  const keyIndex = keyIndexOf(state.keys, request.headers);
  record.keyIndex = keyIndex;
  const client = keyIndex === null ? "anonymous" : `key${keyIndex}`;
  const arrived = state.clock.now();
  const notBefore = state.notBefore.get(client);
  if (notBefore !== undefined && arrived < notBefore) state.records.retryAfterViolation();

  const decision = state.faults.decide(op.operationId, arrived);
  if (decision.fired.length > 0) record.fault = decision.fired.join("+");
  if (decision.latencyMs > 0) await state.clock.sleep(decision.latencyMs, request.signal);
  const now = state.clock.now();
  if (decision.replace) {
    const response = faultAnswer(state, decision.replace, client, now, record.requestId);
    record.status = response.status;
    return response;
  }

  const headers = new Headers({ "x-extend-request-id": record.requestId });
  let result: Answer;
  try {
    result = await answer(state, op, request, id, exchange, decision, headers, now);
  } catch (e) {
    if (!(e instanceof ApiFailure)) throw e;
    for (const [k, v] of Object.entries(e.headers)) headers.set(k, v);
    result = { status: e.status, body: e.body(record.requestId) };
  }
  if (state.strict && !result.offSpec) {
    const problems = state.validator.response(op, result.status, result.body);
    if (problems.length > 0) {
      const message = problems.join("; ");
      state.records.violation({
        requestId: record.requestId,
        operationId: op.operationId,
        status: result.status,
        message,
      });
      throw new SpecViolationError(op.operationId, result.status, message);
    }
  }
  let body = result.body;
  if (decision.body?.type === "unknownFields" && result.status < 300)
    body = withUnknownFields(body, decision.body.status ?? "ARCHIVED");
  headers.set("content-type", "application/json");
  record.status = result.status;
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  if (!decision.transport) return new Response(bytes, { status: result.status, headers });
  if (decision.transport.type === "resetAfterCommit") record.status = null;
  return transportFault(decision.transport, result.status, headers, bytes, {
    clock: state.clock,
    rng: state.rng.faultBodies,
    signal: request.signal,
    wire: exchange.wire,
    onStreamEnd: exchange.onStreamEnd,
    streaming: exchange.streaming,
  });
}
