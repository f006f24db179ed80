/**
 * A client-wide retry budget in the AWS "standard" style (reliability §1.3): retries spend tokens,
 * successes earn them back, so a failing dependency cannot multiply a bulk job's load. One budget is
 * shared by every call of a client (and by concurrent jobs on it); each client has its own.
 */
export interface RetryBudget {
  /** Spends `cost` tokens for a retry; false (and nothing spent) when too few are left. */
  take(cost: number): boolean;
  /** Returns tokens after a success, up to the capacity. */
  refund(amount: number): void;
  readonly tokens: number;
}

/** Tokens a retry costs, and a retry after a timeout (AWS: 5 and 10). */
export const RETRY_COST = 5;
export const TIMEOUT_RETRY_COST = 10;
/** Tokens a success earns back when it needed no retry (AWS: 1). */
export const NO_RETRY_REFUND = 1;

export function createRetryBudget(capacity: number): RetryBudget {
  let tokens = capacity;
  return {
    take(cost) {
      if (tokens < cost) return false;
      tokens -= cost;
      return true;
    },
    refund(amount) {
      tokens = Math.min(capacity, tokens + amount);
    },
    get tokens() {
      return tokens;
    },
  };
}
