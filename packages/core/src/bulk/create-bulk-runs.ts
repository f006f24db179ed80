import type { Clock } from "../clock.ts";
import type { BulkOptions, BulkSource } from "./bulk-options.ts";
import type {
  CancelManyProgress,
  CancelManyReport,
  DeleteManyProgress,
  DeleteManyReport,
} from "./bulk-report.ts";
import type { LooseClient } from "./call-route.ts";
import { cancelMany } from "./cancel-many.ts";
import type { BulkShared } from "./create-job-context.ts";
import { deleteMany } from "./delete-many.ts";
import { type FindRunsOptions, type FoundRun, findRuns } from "./find-runs.ts";
import { gateFetch } from "./gate-fetch.ts";
import { createRateLimiter, type RateLimiter } from "./rate-limiter.ts";
import { createRetryBudget, type RetryBudget } from "./retry-budget.ts";
import type { RunFilter } from "./run-filter.ts";

/** The bulk helpers on `client.runs`. */
export interface BulkRuns {
  /**
   * Deletes every run in `source` (IDs, or objects with an `id`, from an array or any sync or async
   * iterable), at most `concurrency` at a time, routed by ID prefix. Never rejects once started:
   * resolves to a report in which every distinct ID is deleted, already absent, not found, failed
   * (with its error) or not attempted. Rejects only for a source that is not iterable or a bad option.
   */
  deleteMany(
    source: BulkSource,
    options?: BulkOptions<DeleteManyProgress>,
  ): Promise<DeleteManyReport>;
  /**
   * Cancels every run in `source`, reconciling unknown outcomes and refusals by reading the run.
   * Every distinct ID ends cancelled, already terminal (with its status), not found, failed or not
   * attempted.
   */
  cancelMany(
    source: BulkSource,
    options?: BulkOptions<CancelManyProgress>,
  ): Promise<CancelManyReport>;
  /** Yields each run matching `filter` once — a source for `deleteMany` or `cancelMany`. */
  find(filter: RunFilter, options?: FindRunsOptions): AsyncGenerator<FoundRun, void, undefined>;
  /** The rate limiter all bulk jobs of this client share. */
  readonly rateLimiter: RateLimiter;
  /** The retry budget all bulk jobs of this client share. */
  readonly retryBudget: RetryBudget;
}

/** Puts a transport behind the bulk jobs' shared pause (`gateFetch`), keeping its arguments. */
export type BulkGate = <A extends unknown[]>(
  send: (...args: A) => Promise<Response>,
) => (...args: A) => Promise<Response>;

/**
 * The bulk helpers of one client. `singleAttemptClient(gate)` builds a client of the same
 * configuration with no retries (the engine owns retries) whose transports — the `fetch` that gets
 * a `Request`, and the send that gives the platform a URL and init — are passed through `gate`
 * (`gateFetch` on this client's rate limiter); it is built on first use. `defaults` are the
 * client's clock and random source; a job may pass its own.
 */
export function createBulkRuns(
  singleAttemptClient: (gate: BulkGate) => LooseClient,
  defaults: { clock: Clock; random: () => number },
): BulkRuns {
  const rateLimiter = createRateLimiter();
  const retryBudget = createRetryBudget();
  let client: LooseClient | undefined;
  const shared = (): BulkShared => {
    client ??= singleAttemptClient((send) => gateFetch(rateLimiter, defaults.clock, send));
    return {
      client,
      limiter: rateLimiter,
      budget: retryBudget,
      clock: defaults.clock,
      random: defaults.random,
    };
  };
  return {
    deleteMany: (source, options) => deleteMany(shared(), source, options),
    cancelMany: (source, options) => cancelMany(shared(), source, options),
    find: (filter, options) => findRuns(shared(), filter, options),
    rateLimiter,
    retryBudget,
  };
}
