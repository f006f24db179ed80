import { backoffDelay } from "../backoff-delay.ts";
import { ExtendError } from "../extend-error.ts";
import { PaginationError } from "../pagination-error.ts";
import { sleep } from "../sleep.ts";
import type { BulkOptions } from "./bulk-options.ts";
import { callList, callRoute } from "./call-route.ts";
import { callWithRetries, NOT_FOUND } from "./call-with-retries.ts";
import { type BulkShared, createJob } from "./create-job-context.ts";
import type { JobContext } from "./job-context.ts";
import { routeRun } from "./route-run.ts";
import {
  type CompiledFilter,
  compileFilter,
  isOldEnough,
  LIST_ROUTES,
  type ListableRunType,
  listQuery,
  metadataMatches,
  type RunFilter,
} from "./run-filter.ts";

/** A run that matched a filter. */
export interface FoundRun {
  id: string;
  type: ListableRunType;
  status: string;
  createdAt: string | undefined;
}

/** Options of `client.runs.find`: the bulk job options that apply to reads. */
export type FindRunsOptions = Pick<
  BulkOptions,
  "signal" | "maxAttempts" | "maxRetryAfter" | "retryBudget" | "rateLimiter" | "clock" | "random"
>;

interface ListPage {
  data?: Array<Record<string, unknown> | null>;
  nextPageToken?: unknown;
}

/**
 * A repeated page token is asked for again, after a full-jitter backoff, this many times in a row
 * before the listing fails: a glitch passes, a server that really loops does not (it costs that
 * many more requests and about 20 s of waits). At 3, the fault matrix's F18, which empties or
 * repeats one list answer in ten, failed about one seed in thirty (4 glitches in a row somewhere
 * in a purge's few hundred pages); at 8 that takes eight in a row, 1 in 10^8 per page.
 */
const MAX_REPEATS = 8;

/** Most pages read per listing before giving up (catalogue PG4). */
const PAGE_CAP = 10_000;

/**
 * Yields each run matching `filter` once, type by type (and status by status), paging with
 * `nextPageToken`. Reads share the client's rate limiter and retry budget. Sorted listings
 * (`createdAt` ascending) stop at the first page whose runs are all too new. A page that names a
 * token seen before is asked for again (up to 3 times in a row), then the listing ends with an
 * error rather than looping; so does a listing of more than 10,000 pages.
 *
 * Deleting while listing can shift the pages of some servers (catalogue PG8): to delete what this
 * yields, collect the IDs first, or list again after deleting until nothing matches.
 */
export async function* findRuns(
  shared: BulkShared,
  filter: RunFilter,
  options: FindRunsOptions = {},
): AsyncGenerator<FoundRun, void, undefined> {
  const compiled = compileFilter(filter, (options.clock ?? shared.clock).now());
  const job = createJob(options, shared);
  const seen = new Set<string>();
  try {
    for (const type of compiled.types) {
      for (const status of compiled.status.length > 0 ? compiled.status : [undefined]) {
        for await (const run of listType(job.ctx, compiled, type, status)) {
          if (seen.has(run.id)) continue;
          seen.add(run.id);
          yield run;
        }
      }
    }
  } finally {
    job.dispose();
  }
}

async function* listType(
  ctx: JobContext,
  filter: CompiledFilter,
  type: ListableRunType,
  status: string | undefined,
): AsyncGenerator<FoundRun> {
  const { resource, sortable } = LIST_ROUTES[type];
  const query = listQuery(filter, type, status);
  const tokens = new Set<string>();
  let token: string | undefined;
  let repeats = 0;
  for (let page = 0; page < PAGE_CAP; page++) {
    const body = await callWithRetries(ctx, `${resource}.list`, (signal) =>
      callList(
        ctx.client,
        resource,
        token === undefined ? query : { ...query, nextPageToken: token },
        signal,
      ),
    );
    const data = body === NOT_FOUND ? undefined : (body as ListPage | null);
    if (!Array.isArray(data?.data)) {
      throw new ExtendError(`${resource}.list answered without a data array`);
    }
    let allTooNew = data.data.length > 0;
    for (const raw of data.data) {
      if (raw === null || typeof raw.id !== "string") continue;
      if (!isOldEnough(raw, filter)) continue;
      allTooNew = false;
      const run = await confirm(ctx, raw as Record<string, unknown> & { id: string }, filter);
      if (run !== undefined) {
        yield {
          id: run.id,
          type,
          status: String(run.status),
          createdAt: raw.createdAt as string | undefined,
        };
      }
    }
    const next = data.nextPageToken;
    if (typeof next !== "string" || next === "") return;
    if (sortable && allTooNew && filter.createdBefore !== undefined) return;
    // `tokens` holds every token asked for so far, the current one included.
    if (tokens.has(next)) {
      // A token seen before would loop (catalogue PG2). Ask for the same page again a few
      // times — a glitch passes, a server that really loops does not — then give up.
      if (++repeats > MAX_REPEATS) {
        throw new PaginationError({
          reason: "repeated-token",
          pages: page + 1,
          // Every listable type's list path is `/<type>_runs`.
          path: `/${type}_runs`,
        });
      }
      await sleep(backoffDelay(repeats - 1, ctx.random), ctx.clock, ctx.signal);
      continue;
    }
    repeats = 0;
    tokens.add(next);
    token = next;
  }
  throw new ExtendError(`${resource}.list returned more than ${PAGE_CAP} pages; stopped`);
}

/** The run if it matches the metadata filter, reading it in full when the summary has no metadata. */
async function confirm(
  ctx: JobContext,
  run: Record<string, unknown> & { id: string },
  filter: CompiledFilter,
): Promise<(Record<string, unknown> & { id: string }) | undefined> {
  const quick = metadataMatches(run, filter);
  if (quick !== undefined) return quick ? run : undefined;
  const route = routeRun(run.id, "retrieve");
  const full = await callWithRetries(ctx, run.id, (signal) =>
    callRoute(ctx.client, route, run.id, signal),
  );
  if (full === NOT_FOUND || typeof full !== "object" || full === null) return undefined;
  return metadataMatches(full as Record<string, unknown>, filter) === true ? run : undefined;
}
