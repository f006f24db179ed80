import { InvalidArgumentError } from "../invalid-argument-error.ts";
import type { BulkItem, BulkOptions, BulkSource } from "./bulk-options.ts";
import type { BulkStop } from "./bulk-report.ts";
import { type BulkShared, concurrencyOf, createJob } from "./create-job-context.ts";
import type { ItemState, JobContext } from "./job-context.ts";
import { RateLimitStop } from "./rate-limiter.ts";
import type { Settled } from "./settled.ts";

/** The engine's result, before it is shaped into a delete or cancel report. */
export interface BulkResult {
  duplicates: number;
  requests: number;
  sourceExhausted: boolean;
  stopped: BulkStop | undefined;
}

type Settle<O extends string> = (ctx: JobContext, item: ItemState) => Promise<Settled<O>>;

/**
 * Runs `settle` over every distinct ID of `source` with at most `concurrency` at once, and never
 * rejects once started: every ID read from the source is passed to `record` exactly once. When the
 * job stops (abort, long Retry-After, 401, a failing source or callback), no new request starts,
 * IDs in flight settle as failed (outcome unknown) or not attempted (nothing could have taken
 * effect), and the rest of a synchronous source (an array, a Set) is read and reported as not
 * attempted. An asynchronous source is closed (`return()`), not drained.
 */
export async function runBulk<O extends string>(
  source: BulkSource,
  options: BulkOptions<never>,
  shared: BulkShared,
  settle: Settle<O>,
  record: (id: string, settled: Settled<O>) => void,
): Promise<BulkResult> {
  const iterator = openSource(source);
  const concurrency = concurrencyOf(options);
  const job = createJob(options, shared);
  const { ctx } = job;
  const seen = new Set<string>();
  let duplicates = 0;
  let exhausted = false;
  let pulling: Promise<unknown> = Promise.resolve();

  const emit = (id: string, result: Settled<O>) => {
    try {
      record(id, result);
    } catch (error) {
      ctx.stop({ reason: "callback-failed", error });
    }
  };
  // One controller per worker, all aborted by one listener on the job's signal.
  const workers = Array.from({ length: concurrency }, () => new AbortController());
  const abortWorkers = () => {
    for (const w of workers) w.abort(ctx.signal.reason);
  };
  if (ctx.signal.aborted) abortWorkers();
  else ctx.signal.addEventListener("abort", abortWorkers, { once: true });
  const take = (raw: BulkItem, signal: AbortSignal): ItemState | undefined => {
    const { id, attempted } = normalize(raw);
    if (seen.has(id)) {
      duplicates++;
      return undefined;
    }
    seen.add(id);
    return { id, signal, attempts: 0, retries: 0, maybeApplied: attempted, lastError: undefined };
  };
  // Pulls are chained: a source's next() is never called while another call is pending.
  const pull = (signal: AbortSignal): Promise<ItemState | undefined> => {
    const next = pulling.then(async () => {
      for (;;) {
        if (exhausted || job.stopped !== undefined) return undefined;
        let step: IteratorResult<BulkItem>;
        try {
          step = await iterator.next();
        } catch (error) {
          ctx.stop({ reason: "source-failed", error });
          return undefined;
        }
        if (step.done) {
          exhausted = true;
          return undefined;
        }
        const item = take(step.value, signal);
        if (item !== undefined) return item;
      }
    });
    pulling = next;
    return next;
  };
  const worker = async (controller: AbortController) => {
    for (;;) {
      const item = await pull(controller.signal);
      if (item === undefined) return;
      const result = await settleSafely(ctx, item, settle);
      emit(item.id, { ...result, attempts: item.attempts });
    }
  };
  await Promise.all(workers.map(worker));
  ctx.signal.removeEventListener("abort", abortWorkers);
  job.dispose();

  if (!exhausted) {
    if (iterator.sync) {
      for (let step = iterator.nextSync(); !step.done; step = iterator.nextSync()) {
        const item = take(step.value, ctx.signal);
        if (item !== undefined) emit(item.id, { outcome: "notAttempted", attempts: 0 });
      }
      exhausted = true;
    } else {
      await iterator.close();
    }
  }
  return { duplicates, requests: ctx.requests, sourceExhausted: exhausted, stopped: job.stopped };
}

async function settleSafely<O extends string>(
  ctx: JobContext,
  item: ItemState,
  settle: Settle<O>,
): Promise<Settled<O>> {
  try {
    return await settle(ctx, item);
  } catch (error) {
    if (error instanceof RateLimitStop) {
      ctx.stop({ reason: "rate-limited", resumeAt: error.resumeAt });
      return item.maybeApplied
        ? { outcome: "failed", error: item.lastError ?? error, retryable: true }
        : { outcome: "notAttempted" };
    }
    if (!ctx.signal.aborted) return { outcome: "failed", error, retryable: false };
    return item.maybeApplied
      ? { outcome: "failed", error: ctx.signal.reason, retryable: true }
      : { outcome: "notAttempted" };
  }
}

/** The ID of a source entry, and whether an earlier job may have sent it. Bad entries keep a printable key. */
function normalize(raw: BulkItem): { id: string; attempted: boolean } {
  if (typeof raw === "string") return { id: raw, attempted: false };
  if (typeof raw === "object" && raw !== null && typeof raw.id === "string") {
    return { id: raw.id, attempted: raw.attempted === true };
  }
  return { id: String(raw), attempted: false };
}

interface OpenSource {
  sync: boolean;
  next(): Promise<IteratorResult<BulkItem>>;
  nextSync(): IteratorResult<BulkItem>;
  close(): Promise<void>;
}

function openSource(source: BulkSource): OpenSource {
  if (source !== null && typeof source === "object" && Symbol.asyncIterator in source) {
    const it = source[Symbol.asyncIterator]();
    return {
      sync: false,
      next: () => it.next(),
      nextSync: () => ({ done: true, value: undefined }),
      close: async () => {
        try {
          await it.return?.();
        } catch {
          // Closing is best effort: the job's report is already complete.
        }
      },
    };
  }
  if (source !== null && typeof source === "object" && Symbol.iterator in source) {
    const it = (source as Iterable<BulkItem>)[Symbol.iterator]();
    return {
      sync: true,
      next: async () => it.next(),
      nextSync: () => it.next(),
      close: async () => {},
    };
  }
  throw new InvalidArgumentError("bulk source must be an array or an (async) iterable of run IDs");
}
