import type { CallContext } from "./call-context.ts";
import type { ClientConfig } from "./client-config.ts";
import { DEFAULT_SYNC_TIMEOUT, DEFAULT_TIMEOUT } from "./client-options.ts";
import type { OperationKind } from "./operation-spec.ts";
import type { RequestOptions } from "./request-options.ts";
import { STARTS_WORK } from "./retry-policy.ts";

/** A fresh context for one call; per-call options win over client options. */
export function createCallContext(
  config: ClientConfig,
  kind: OperationKind,
  options: RequestOptions | undefined,
): CallContext {
  const timeout =
    options?.timeout ??
    config.timeout ??
    (kind === "sync" ? DEFAULT_SYNC_TIMEOUT : DEFAULT_TIMEOUT);
  const totalTimeout = options?.totalTimeout ?? config.totalTimeout;
  const generated =
    config.idempotencyKeys && STARTS_WORK.has(kind) ? globalThis.crypto.randomUUID() : undefined;
  return {
    kind,
    maxRetries: options?.maxRetries ?? config.maxRetries,
    timeout,
    totalTimeout,
    deadline: config.clock.now() + totalTimeout,
    signal: options?.signal,
    idempotencyKey: options?.idempotencyKey ?? generated,
    attempts: 0,
    confirmedAbsent: false,
    outcomeUnknown: false,
  };
}

/**
 * The context of a `client.raw` request, which has no operation: the kind is read from the method
 * (GET retrieves, DELETE deletes, POST …/cancel cancels) and any other POST counts as starting work,
 * the kind that is never replayed blindly.
 */
export function contextForRequest(config: ClientConfig, request: Request): CallContext {
  const method = request.method.toUpperCase();
  const kind: OperationKind =
    method === "GET"
      ? "retrieve"
      : method === "DELETE"
        ? "delete"
        : new URL(request.url).pathname.endsWith("/cancel")
          ? "cancel"
          : "create";
  return createCallContext(config, kind, { signal: request.signal });
}
