const ALREADY_DELETED = new WeakSet<object>();

/**
 * True when a `delete` resolved because a retried DELETE found the run gone: an earlier attempt
 * whose answer was lost (reset, timeout, 5xx) most likely deleted it. Such a result is built by the
 * client (`{ id }`, or the legacy `{ success, documentProcessorRunId, message }`) rather than read
 * from the server. A 404 on the first attempt is never this: it throws `NotFoundError`.
 */
export function isAlreadyDeleted(result: unknown): boolean {
  return typeof result === "object" && result !== null && ALREADY_DELETED.has(result);
}

/** Marks a client-built delete result (see `isAlreadyDeleted`). */
export function markAlreadyDeleted<T extends object>(result: T): T {
  ALREADY_DELETED.add(result);
  return result;
}
