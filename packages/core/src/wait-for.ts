import { AbortError } from "./abort-error.ts";
import { assertPathParam } from "./assert-path-param.ts";
import type { ClientConfig } from "./client-config.ts";
import { InvalidArgumentError } from "./invalid-argument-error.ts";
import { numberProblem } from "./number-problem.ts";
import { ACTIVE_STATUSES, runStatusOf } from "./run-status-of.ts";
import { sleep } from "./sleep.ts";
import { RateLimitError } from "./status-errors.ts";
import { WaitTimeoutError } from "./wait-timeout-error.ts";

/** Options of `waitFor`. Unknown keys are rejected, never ignored. */
export interface WaitForOptions<Run> {
  /** Done when this returns true for the run as read. Default: the run's status is final (not PENDING, PROCESSING or CANCELLING). */
  until?: (run: Run) => boolean;
  /** Aborts the wait and any request in flight (`AbortError`). Default: none. */
  signal?: AbortSignal;
  /** Gives up with `WaitTimeoutError` after this many ms. Default: 600 000 (10 minutes). */
  timeout?: number;
  /** First delay between reads, in ms; each later delay is 1.5× the previous, up to 10 000. Default: 1 000. */
  interval?: number;
}

/** What a wait needs of a client's config: its clock, log and redactor. */
export type WaitConfig = Pick<ClientConfig, "clock" | "log" | "redactor">;

export const DEFAULT_WAIT_TIMEOUT = 600_000;
const DEFAULT_INTERVAL = 1_000;
const MAX_INTERVAL = 10_000;
/** Every option (the type keeps them in step), in the order checked, with what is wrong with a set value. */
const CHECKS: Record<keyof WaitForOptions<unknown>, (value: unknown) => string | undefined> = {
  until: (v) => (typeof v === "function" ? undefined : "must be a function"),
  signal: (v) => (v instanceof AbortSignal ? undefined : "must be an AbortSignal"),
  timeout: (v) => numberProblem(v, 1),
  interval: (v) => numberProblem(v, 1),
};

/**
 * Reads a run until `until` holds, and resolves to that read. Between reads it sleeps (abortably)
 * on the client's clock. A `RateLimitError` that survives the transport's own retries is waited
 * out for its `retryAfterMs` (or the current interval) and polling continues; any other error ends
 * the wait. It gives up as soon as the next read would fall after the deadline.
 */
export async function waitFor(
  retrieve: (
    id: string,
    options: { signal?: AbortSignal; totalTimeout: number },
  ) => Promise<unknown>,
  id: unknown,
  options: WaitForOptions<unknown> | undefined,
  config: WaitConfig,
  path: string,
): Promise<unknown> {
  assertPathParam("id", id);
  const {
    until,
    signal,
    timeout = DEFAULT_WAIT_TIMEOUT,
    interval = DEFAULT_INTERVAL,
  } = checkOptions(options);
  const { clock } = config;
  const deadline = clock.now() + timeout;
  const done = until ?? ((run: unknown) => isFinal(runStatusOf(run)));
  let delay = interval;
  let lastRun: unknown;
  for (;;) {
    let wait = delay;
    try {
      lastRun = await retrieve(id, {
        ...(signal !== undefined && { signal }),
        totalTimeout: Math.max(1, deadline - clock.now()),
      });
      if (done(lastRun)) return lastRun;
    } catch (error) {
      if (!(error instanceof RateLimitError)) throw error;
      wait = Math.max(delay, error.retryAfterMs ?? 0);
      if (clock.now() + wait >= deadline) throw error;
    }
    if (clock.now() + wait >= deadline) {
      throw new WaitTimeoutError({
        id,
        timeoutMs: timeout,
        lastRun: config.redactor.value(lastRun),
        lastStatus: config.redactor.value(runStatusOf(lastRun)),
      });
    }
    config.log("debug", `waiting ${wait} ms before reading ${id} again`, { id, delayMs: wait });
    await sleep(wait, clock, signal).catch(() => {
      throw new AbortError({
        method: "GET",
        path: path.replace("{id}", encodeURIComponent(id)),
        attempts: 0,
        cause: config.redactor.error(signal?.reason),
      });
    });
    delay = Math.min(delay * 1.5, MAX_INTERVAL);
  }
}

function isFinal(status: string | undefined): boolean {
  return status !== undefined && !ACTIVE_STATUSES.has(status);
}

function checkOptions(options: WaitForOptions<unknown> | undefined): WaitForOptions<unknown> {
  if (options === undefined) return {};
  const fail = (message: string): never => {
    throw new InvalidArgumentError(`waitFor: ${message}`);
  };
  if (typeof options !== "object" || options === null) fail("options must be an object");
  const record = options as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(CHECKS, key))
      fail(`unknown option ${JSON.stringify(key)} (known: ${Object.keys(CHECKS).join(", ")})`);
  }
  for (const [key, check] of Object.entries(CHECKS)) {
    const problem = record[key] === undefined ? undefined : check(record[key]);
    if (problem !== undefined) fail(`${key} ${problem}`);
  }
  return options;
}
