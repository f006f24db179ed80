import type { Clock } from "../clock.ts";
import { InvalidArgumentError } from "../invalid-argument-error.ts";
import { BULK_DEFAULTS, type BulkOptions } from "./bulk-options.ts";
import type { BulkStop } from "./bulk-report.ts";
import { BulkStoppedError } from "./bulk-stopped-error.ts";
import type { LooseClient } from "./call-route.ts";
import type { JobContext } from "./job-context.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import type { RetryBudget } from "./retry-budget.ts";

/** What a client shares between its bulk jobs. */
export interface BulkShared {
  /** The single-attempt client (the engine owns retries). */
  client: LooseClient;
  limiter: RateLimiter;
  budget: RetryBudget;
  /** The client's clock and random source: a job's defaults. */
  clock: Clock;
  random: () => number;
}

/** A job's context plus its controls. */
export interface Job {
  ctx: JobContext;
  /** Why the job stopped, once it has. */
  readonly stopped: BulkStop | undefined;
  /** Detaches from the caller's signal; call once the job is over. */
  dispose(): void;
}

/**
 * Validates the options, applies defaults and wires the caller's signal. `ctx.stop(reason)` ends
 * the job (the first reason wins): nothing new starts. Only the caller's abort also aborts
 * `ctx.signal` (with a `BulkStoppedError`), cutting off requests and waits in flight.
 */
export function createJob(options: BulkOptions<never>, shared: BulkShared): Job {
  const controller = new AbortController();
  let stopped: BulkStop | undefined;
  // Only the caller's abort cuts requests short; other stops end the job by starting nothing new,
  // and the IDs in flight settle on their own (a long Retry-After stops each at its next wait).
  const stop = (reason: BulkStop) => {
    if (stopped !== undefined) return;
    stopped = reason;
    if (reason.reason === "aborted") controller.abort(new BulkStoppedError(reason));
  };
  const userSignal = options.signal;
  const onUserAbort = () => stop({ reason: "aborted", cause: userSignal?.reason });
  const ctx: JobContext = {
    client: shared.client,
    clock: options.clock ?? shared.clock,
    random: options.random ?? shared.random,
    limiter: options.rateLimiter ?? shared.limiter,
    budget: options.retryBudget ?? shared.budget,
    maxAttempts: positiveInteger(options.maxAttempts, BULK_DEFAULTS.maxAttempts, "maxAttempts"),
    maxRetryAfter: atLeast(options.maxRetryAfter, BULK_DEFAULTS.maxRetryAfter, 0, "maxRetryAfter"),
    signal: controller.signal,
    stop,
    onStart: options.onStart,
    requests: 0,
  };
  if (userSignal?.aborted) onUserAbort();
  else userSignal?.addEventListener("abort", onUserAbort, { once: true });
  return {
    ctx,
    get stopped() {
      return stopped;
    },
    dispose: () => userSignal?.removeEventListener("abort", onUserAbort),
  };
}

/** The concurrency option, checked; 6 on Cloudflare Workers and 8 elsewhere by default. */
export function concurrencyOf(options: BulkOptions<never>): number {
  // Cloudflare Workers allow 6 simultaneous outgoing connections per request (Workers limits).
  const agent = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent;
  const fallback =
    agent === "Cloudflare-Workers" ? BULK_DEFAULTS.workersConcurrency : BULK_DEFAULTS.concurrency;
  return positiveInteger(options.concurrency, fallback, "concurrency");
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

function atLeast(value: number | undefined, fallback: number, min: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value < min) {
    throw new InvalidArgumentError(
      `${name} must be a number of ms >= ${min}, got ${String(value)}`,
    );
  }
  return value;
}
