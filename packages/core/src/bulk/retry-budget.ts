/** Options of `createRetryBudget`; every field has a default. */
export interface RetryBudgetOptions {
  /** Tokens when full, and at the start. Default: 500. */
  capacity?: number;
  /** Tokens a retry after a server error, connection failure or unreadable body costs. Default: 5. */
  retryCost?: number;
  /** Tokens a retry after an attempt timed out costs. Default: 10. */
  timeoutCost?: number;
  /** Tokens a retry after a throttle (429, 503) costs; its wait is paced by the rate limiter. Default: 1. */
  throttleCost?: number;
  /** Tokens each successful attempt puts back, up to `capacity`. Default: 1. */
  successRefund?: number;
}

/** What kind of retry is being paid for. */
export type RetryKind = "retry" | "timeout" | "throttle";

/**
 * A shared token bucket that every retry must pay for (AWS "standard" retry quota), so a fault can
 * slow a bulk job down but never multiply its load: over a job, retries after errors are at most
 * `(capacity + successes × successRefund) / retryCost`. When it is empty, an ID that needs a retry
 * is reported as failed (retryable) instead of being tried again.
 */
export interface RetryBudget {
  /** Takes the cost of one retry of `kind`; false (and nothing taken) when the budget cannot pay. */
  tryTake(kind: RetryKind): boolean;
  /** Puts back `successRefund` after a successful attempt. */
  refund(): void;
  /** Tokens left now. */
  readonly tokens: number;
}

/** Creates a retry budget. Jobs that should share one pass the same object (`retryBudget` option). */
export function createRetryBudget(options: RetryBudgetOptions = {}): RetryBudget {
  const capacity = options.capacity ?? 500;
  const costs: Record<RetryKind, number> = {
    retry: options.retryCost ?? 5,
    timeout: options.timeoutCost ?? 10,
    throttle: options.throttleCost ?? 1,
  };
  const successRefund = options.successRefund ?? 1;
  let tokens = capacity;
  return {
    tryTake(kind) {
      if (tokens < costs[kind]) return false;
      tokens -= costs[kind];
      return true;
    },
    refund() {
      tokens = Math.min(capacity, tokens + successRefund);
    },
    get tokens() {
      return tokens;
    },
  };
}
