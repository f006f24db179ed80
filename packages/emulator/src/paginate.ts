import { ApiFailure } from "./api-failure.ts";
import { decodePageToken, encodePageToken } from "./page-token.ts";
import type { RunRecord } from "./run-record.ts";
import type { Switches } from "./switches.ts";

export interface PageRequest {
  sortBy: "createdAt" | "updatedAt";
  sortDir: "asc" | "desc";
  pageSize: number;
  token: string | null;
}

export interface Page {
  items: RunRecord[];
  /** Undefined when the page is the last one (rendered per the `lastPage` switch). */
  nextPageToken: string | undefined;
  /** The position this page started at, as a token (for the emptyPage fault). */
  here: string;
}

/**
 * One page of `runs` (already filtered). Cursor tokens name the last item returned, so runs deleted
 * between pages never make the next page skip one; offset tokens (switch `pagination: "offset"`)
 * do shift, as offset-paged APIs do.
 */
export function paginate(runs: RunRecord[], req: PageRequest, switches: Switches): Page {
  const dir = req.sortDir === "asc" ? 1 : -1;
  const key = (r: RunRecord) => r[req.sortBy];
  const cmp = (ak: number, aid: string, bk: number, bid: string) =>
    (ak - bk || (aid < bid ? -1 : aid > bid ? 1 : 0)) * dir;
  const sorted = [...runs].sort((a, b) => cmp(key(a), a.id, key(b), b.id));

  let start = 0;
  if (req.token !== null) {
    const payload = decodePageToken(req.token);
    if (!payload)
      throw new ApiFailure(400, "INVALID_REQUEST", "nextPageToken is not a valid page token.", {
        retryable: false,
      });
    if ("o" in payload) start = payload.o;
    else {
      const { k, id } = payload;
      start = sorted.findIndex((r) => cmp(key(r), r.id, k, id) > 0);
      if (start === -1) start = sorted.length;
    }
  }
  const items = sorted.slice(start, start + req.pageSize);
  const end = start + items.length;
  const last = items.at(-1);
  const tokenAt = (position: number, after: RunRecord | undefined) =>
    switches.pagination === "offset" || !after
      ? encodePageToken({ o: position })
      : encodePageToken({ k: key(after), id: after.id });
  const more = end < sorted.length;
  const dangling = !more && items.length > 0 && switches.lastPage === "emptyPage";
  return {
    items,
    nextPageToken: more || dangling ? tokenAt(end, last) : undefined,
    here: req.token ?? tokenAt(start, undefined),
  };
}
