import type { Clock } from "../clock.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import type { RetryBudget } from "./retry-budget.ts";

/** One entry of a bulk source: an ID, or anything with an `id` (a list item, a checkpoint entry). */
export type BulkItem =
  | string
  | {
      id: string;
      /**
       * An earlier job may already have sent a request for this ID whose outcome is unknown (a
       * crash or abort mid-request). A 404 on the first attempt then counts as already absent,
       * not as not found. Default: false.
       */
      attempted?: boolean;
    };

/** Anything `deleteMany` and `cancelMany` can read IDs from: an array, a Set, a generator, a list iterator. */
export type BulkSource = Iterable<BulkItem> | AsyncIterable<BulkItem>;

/** Options of `deleteMany` and `cancelMany`; every field has a default. */
export interface BulkOptions<P = unknown> {
  /** IDs worked on at once, i.e. the most requests in flight. Default: 8, or 6 on Cloudflare Workers. */
  concurrency?: number;
  /** Stops the job: no new request starts, the IDs not started are reported as not attempted. Default: none. */
  signal?: AbortSignal;
  /** Called after each ID settles, with its outcome and the running counts. Default: none. */
  onProgress?: (progress: P) => void;
  /** Called just before the first request for an ID is sent (for checkpoints). Default: none. */
  onStart?: (id: string) => void;
  /** Requests per ID, the first included (reads that reconcile a cancel count too). Default: 10. */
  maxAttempts?: number;
  /**
   * Longest server-advised wait (Retry-After) the job accepts, in ms. A longer one stops the job:
   * IDs not yet done are reported as not attempted and `report.stopped.resumeAt` says when to
   * resume. Default: 60000.
   */
  maxRetryAfter?: number;
  /** The retry budget to pay retries from. Default: the client's, shared by all its bulk jobs. */
  retryBudget?: RetryBudget;
  /** The rate limiter to wait on. Default: the client's, shared by all its bulk jobs. */
  rateLimiter?: RateLimiter;
  /** Time source for every wait. Default: the client's `clock` (the system clock unless set). */
  clock?: Clock;
  /** Random source in [0, 1) for backoff jitter; inject a seeded one for reproducible runs. Default: the client's `random` (`Math.random` unless set). */
  random?: () => number;
}

/** Defaults of `BulkOptions`, in one place. */
export const BULK_DEFAULTS = {
  concurrency: 8,
  workersConcurrency: 6,
  maxAttempts: 10,
  maxRetryAfter: 60_000,
} as const;
