import type { Clock } from "../clock.ts";
import type { BulkStop } from "./bulk-report.ts";
import type { LooseClient } from "./call-route.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import type { RetryBudget } from "./retry-budget.ts";

/** Everything one bulk job's workers share. */
export interface JobContext {
  /** The single-attempt client every request goes through. */
  client: LooseClient;
  clock: Clock;
  random: () => number;
  limiter: RateLimiter;
  budget: RetryBudget;
  maxAttempts: number;
  maxRetryAfter: number;
  /** Aborted when the job stops, for any reason; every wait and request listens to it. */
  signal: AbortSignal;
  /** Stops the job (the first reason wins). */
  stop(reason: BulkStop): void;
  onStart: ((id: string) => void) | undefined;
  /** Requests sent so far. */
  requests: number;
}

/** One ID while it is being worked on. */
export interface ItemState {
  id: string;
  /**
   * The worker's signal (aborted with the job's): every wait and request of this ID listens to it,
   * so a job with many workers never piles listeners onto one signal.
   */
  signal: AbortSignal;
  /** Requests sent for it. */
  attempts: number;
  /** Transient failures so far (drives the backoff). */
  retries: number;
  /** An earlier request may have taken effect (no complete answer, or a server error). */
  maybeApplied: boolean;
  lastError: unknown;
}
