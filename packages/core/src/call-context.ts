import type { OperationKind } from "./operation-spec.ts";

/**
 * One call's state, shared by every attempt beneath openapi-fetch. Resource methods hand it to the
 * transport through openapi-fetch's per-request `fetch` option; `client.raw` calls get one derived
 * from the request (see `contextForRequest`).
 */
export interface CallContext {
  readonly kind: OperationKind;
  readonly maxRetries: number;
  /** Per-attempt limit, ms. */
  readonly timeout: number;
  /** The call's overall limit, ms, and the clock time it ends at. */
  readonly totalTimeout: number;
  readonly deadline: number;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
  /** Sent as `Idempotency-Key` on every attempt when set. */
  readonly idempotencyKey: string | undefined;
  /** Out: attempts made so far. */
  attempts: number;
  /** Out: a DELETE answered 404 after an earlier attempt may have deleted the run. */
  confirmedAbsent: boolean;
  /**
   * Out: an attempt that was retried may have taken effect (its outcome was unknown), so whatever
   * the call ends with, its outcome is unknown too.
   */
  outcomeUnknown: boolean;
}
