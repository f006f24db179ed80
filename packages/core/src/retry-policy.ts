import type { OperationKind } from "./operation-spec.ts";

/** What went wrong on one attempt, as the retry policy sees it. */
export type AttemptFailure =
  | { type: "status"; status: number; bodyRetryable: boolean | undefined }
  | { type: "connection"; outcomeUnknown: boolean };

/** Statuses worth repeating when the body does not say (also `ApiError.retryable`'s default). */
export const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Kinds that start billable work (also the ones `idempotencyKeys` sends a generated key for). */
export const STARTS_WORK = new Set<OperationKind>(["create", "createBatch", "sync"]);

/**
 * Whether an attempt may be repeated — the policy table of reliability §1.3.
 *
 * - retrieve, list, delete, cancel, and update (it sets a name or merges metadata, so a repeat has
 *   the same effect): connection errors, 408, 429, 500, 502, 503, 504; the body's `retryable`
 *   flag, when present, decides instead of the status. (A cancel whose outcome is unknown is
 *   reconciled by reading the run before it is repeated; the caller handles that.)
 * - create, createBatch and sync start billable work: only a 429 or 503 whose body says
 *   `retryable: true` (the request was refused, so nothing started). With an idempotency key the
 *   server can drop a duplicate, so they follow the first rule.
 */
export function isRetryable(
  kind: OperationKind,
  failure: AttemptFailure,
  hasIdempotencyKey: boolean,
): boolean {
  if (STARTS_WORK.has(kind) && !hasIdempotencyKey) {
    return (
      failure.type === "status" &&
      (failure.status === 429 || failure.status === 503) &&
      failure.bodyRetryable === true
    );
  }
  if (failure.type === "connection") return true;
  return failure.bodyRetryable ?? RETRY_STATUSES.has(failure.status);
}
