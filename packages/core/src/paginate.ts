import { PaginationError } from "./pagination-error.ts";

/**
 * What a list method returns. Awaiting it (or `.page()`) gives the first page as the API sends it,
 * so `await client.extractRuns.list(q)` works as in the official SDK; `for await` gives every
 * item of every page; `.pages()` gives every page. Nothing is sent until one of these is used.
 */
export interface Paginated<Page, Item> extends Promise<Page>, AsyncIterable<Item> {
  /** The first page (the one `query.nextPageToken` names, if set). Read once and kept. */
  page(): Promise<Page>;
  /** Every page in order, from the first. */
  pages(): AsyncIterableIterator<Page>;
  catch<T = never>(
    onRejected?: ((reason: unknown) => T | PromiseLike<T>) | null,
  ): Promise<Page | T>;
  finally(onFinally?: (() => void) | null): Promise<Page>;
}

/** Pages are capped at this many by default (reliability PG4). */
export const DEFAULT_MAX_PAGES = 10_000;

/**
 * Pages through a cursor list. Contract (reliability PG1–PG4):
 * - a page with no items but a `nextPageToken` is followed, not taken as the end;
 * - the end is a missing, null or empty (`""`) `nextPageToken`;
 * - a token seen before (including the starting one) stops with `PaginationError` (`repeated-token`);
 * - more than `maxPages` pages stops with `PaginationError` (`page-cap`).
 */
export function paginate<Page, Item>(
  load: (nextPageToken: string | undefined) => Promise<Page>,
  start: string | undefined,
  maxPages: number,
  path: string,
): Paginated<Page, Item> {
  let first: Promise<Page> | undefined;
  const page = () => {
    first ??= load(start);
    return first;
  };
  async function* pages(): AsyncIterableIterator<Page> {
    const seen = new Set(start === undefined ? [] : [start]);
    let current = await page();
    for (let count = 1; ; count++) {
      yield current;
      const next = (current as { nextPageToken?: unknown } | null)?.nextPageToken;
      if (typeof next !== "string" || next === "") return;
      if (seen.has(next))
        throw new PaginationError({ reason: "repeated-token", pages: count, path });
      if (count >= maxPages) throw new PaginationError({ reason: "page-cap", pages: count, path });
      seen.add(next);
      current = await load(next);
    }
  }
  return {
    page,
    pages,
    // biome-ignore lint/suspicious/noThenProperty: a lazy thenable is the point: `await list(q)` is the first page.
    then: (onFulfilled, onRejected) => page().then(onFulfilled, onRejected),
    catch: (onRejected) => page().catch(onRejected),
    finally: (onFinally) => page().finally(onFinally),
    // Awaits, chains and settles like a Promise of the first page, so it is typed as one (a list
    // result fits wherever a Promise of a page is expected, as the lite client's lists are).
    [Symbol.toStringTag]: "Paginated",
    async *[Symbol.asyncIterator]() {
      for await (const current of pages()) yield* itemsOf<Item>(current);
    },
  };
}

/** The items of a page: `data` (2026-02-09 lists) or `processorRuns` (legacy list). */
function itemsOf<Item>(page: unknown): Item[] {
  const body = (page ?? {}) as { data?: unknown; processorRuns?: unknown };
  const items = Array.isArray(body.data) ? body.data : body.processorRuns;
  return Array.isArray(items) ? (items as Item[]) : [];
}
