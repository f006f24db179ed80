/**
 * Behaviour the live API leaves undocumented (REFERENCE §8 "Open questions"; reliability.md §5 open
 * questions). Each is a switch, so a client can be tested under every plausible answer. The defaults
 * are the emulator's best reading of the sources; the README lists each switch with its source.
 */
export interface Switches {
  /**
   * §8 Q1 — status and `code` for cancelling a run whose status does not allow it (finished runs,
   * PENDING non-workflow runs). Default `{ status: 400, code: "INVALID_REQUEST" }` (REFERENCE §4.3).
   */
  cancelNotAllowed: { status: 400 | 409 | 422; code: string };
  /**
   * §8 Q2 — which run types pass through `CANCELLING` before `CANCELLED` (for `cancellingMs`).
   * `"workflow"` (default; only the workflow enum lists CANCELLING), `"all"` or `"none"`.
   */
  cancelling: "workflow" | "all" | "none";
  /** §8 Q2 — whether a PENDING extract/classify/split/parse run can be cancelled. Default `false`. */
  cancelPending: boolean;
  /**
   * §8 Q3 — a cancelled parse run reports `"CANCELLED"` (default; changelog 2026-06-09), reports
   * `"FAILED"` (the SDK enum lacks CANCELLED), or parse cancel is rejected (`"reject"`, as the CLI says).
   */
  parseCancel: "CANCELLED" | "FAILED" | "reject";
  /** §8 Q4 — page size when `maxPageSize` is absent. Default `20` (the CLI's default). */
  defaultPageSize: number;
  /** §8 Q4 — largest page; a larger `maxPageSize` is clamped to it. Default `100`. */
  maxPageSize: number;
  /**
   * §8 Q4 — the page-size parameter of `GET /parse_runs`: `"maxPageSize"` (default; SDK) or
   * `"limit"` (CLI's claim; then `maxPageSize` is silently ignored there).
   */
  parsePageSizeParam: "maxPageSize" | "limit";
  /** §8 Q4 — sort key when `sortBy` is absent. Default `"updatedAt"` (CLI). */
  defaultSortBy: "createdAt" | "updatedAt";
  /** §8 Q4 — sort direction when `sortDir` is absent. Default `"desc"` (newest first). */
  defaultSortDir: "asc" | "desc";
  /**
   * Reliability Q5 — `"cursor"` (default): tokens name the last item seen, so deletes between pages
   * skip nothing. `"offset"`: tokens hold an offset, so pages shift as runs are deleted (F18).
   */
  pagination: "cursor" | "offset";
  /**
   * Reliability Q5 — the last page: `"omit"` (default; no `nextPageToken`), `"emptyString"`
   * (`nextPageToken: ""`) or `"emptyPage"` (a token that leads to one more, empty page).
   */
  lastPage: "omit" | "emptyString" | "emptyPage";
  /**
   * §8 Q5 — `Retry-After` on 429s from rate limiting: `"seconds"` (default), `"http-date"` or
   * `"none"`. Fault-injected 429s carry what their fault says.
   */
  retryAfter: "seconds" | "http-date" | "none";
  /** §8 Q5 — send `X-RateLimit-Limit`, `-Remaining` and `-Reset` on rate-limited routes. Default `false`. */
  rateLimitHeaders: boolean;
  /**
   * §8 Q5 — 429 body from rate limiting: `"error"` (default; the flat error body) or `"legacy"`
   * (`{"error": "..."}`, the SDK's TooManyRequestsErrorBody; off-spec, so never strict-validated).
   */
  rateLimitBody: "error" | "legacy";
  /**
   * §8 Q6 — a request without `x-extend-api-version`: `"accept"` (default; the endpoint tables say it
   * defaults to 2026-02-09) or `"reject"` (400, as the prose warns for new keys).
   */
  missingApiVersion: "accept" | "reject";
  /** §8 Q6 — an organization key without `x-extend-workspace-id`. Default `{ status: 400, code: "INVALID_REQUEST" }`. */
  orgKeyWithoutWorkspace: { status: 400 | 401 | 403; code: string };
  /**
   * REFERENCE §1.2 — a workspace key whose `x-extend-workspace-id` names another workspace:
   * `"reject"` (default; 403 FORBIDDEN) or `"ignore"` (the header is ignored).
   */
  foreignWorkspaceHeader: "reject" | "ignore";
  /** §8 Q7 — deleting a run that is not finished: `"allow"` (default) or `"reject"` (400). */
  deleteNonTerminal: "allow" | "reject";
  /** Reliability Q3 — a DELETE of an already deleted run: `404` (default) or `200` with `{id}` again. */
  repeatDelete: 404 | 200;
  /**
   * Reliability Q2 — honour an `Idempotency-Key` header on POSTs: the first response is stored and
   * replayed for the same key (no second effect). Default `false` (Extend documents no such header).
   */
  idempotencyKeys: boolean;
  /** §8 Q5 — status of a request that fails spec validation: `400` (default) or `422`. */
  invalidRequestStatus: 400 | 422;
}

/** The default of every switch. */
export const DEFAULT_SWITCHES: Readonly<Switches> = Object.freeze<Switches>({
  cancelNotAllowed: { status: 400, code: "INVALID_REQUEST" },
  cancelling: "workflow",
  cancelPending: false,
  parseCancel: "CANCELLED",
  defaultPageSize: 20,
  maxPageSize: 100,
  parsePageSizeParam: "maxPageSize",
  defaultSortBy: "updatedAt",
  defaultSortDir: "desc",
  pagination: "cursor",
  lastPage: "omit",
  retryAfter: "seconds",
  rateLimitHeaders: false,
  rateLimitBody: "error",
  missingApiVersion: "accept",
  orgKeyWithoutWorkspace: { status: 400, code: "INVALID_REQUEST" },
  foreignWorkspaceHeader: "reject",
  deleteNonTerminal: "allow",
  repeatDelete: 404,
  idempotencyKeys: false,
  invalidRequestStatus: 400,
});
