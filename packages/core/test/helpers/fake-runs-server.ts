import type { Clock } from "@extendkit/core";

/**
 * A small stateful stand-in for Extend's run endpoints, as an injected `fetch` for unit-level
 * tests of the bulk helpers (the fault-scenario matrix runs against @extendkit/emulator).
 * It records what the invariants need: effects per run, requests, requests in flight, and
 * requests that arrived before an advertised Retry-After.
 */
export interface FakeRun {
  id: string;
  status: string;
  createdAt: string;
  metadata?: Record<string, unknown> | null;
}

/** What to do with one request instead of (or around) the normal answer. */
export type Fault =
  | { respond: { status: number; headers?: Record<string, string>; body?: unknown } }
  | { reset: "before" | "after" }
  | { html: "before" | "after" }
  | { mismatch: true }
  | { stall: true };

export interface FaultContext {
  method: string;
  id: string | undefined;
  /** Requests for this id so far, this one included. */
  attempt: number;
  now: number;
}

export interface FakeServerOptions {
  clock: Clock;
  runs: FakeRun[];
  latency?: number;
  fault?: (ctx: FaultContext) => Fault | undefined;
  pageSize?: number;
}

const COLLECTIONS: Record<string, string> = {
  workflow_runs: "workflow_run",
  extract_runs: "extract_run",
  parse_runs: "parse_run",
  classify_runs: "classify_run",
  split_runs: "split_run",
  edit_runs: "edit_run",
};

export function createFakeRunsServer(options: FakeServerOptions) {
  const { clock } = options;
  const runs = new Map(options.runs.map((r) => [r.id, { ...r }]));
  const deleteEffects = new Map<string, number>();
  const cancelEffects = new Map<string, number>();
  const attempts = new Map<string, number>();
  const log: { method: string; path: string; at: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let notBefore = 0;
  let earlyRequests = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      clock.setTimeout(resolve, ms);
    });
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json", ...headers },
    });
  const error = (status: number, code: string, retryable: boolean) =>
    json(status, { code, message: code.toLowerCase(), retryable, requestId: "req_fake" });

  function apply(
    method: string,
    collection: string,
    id: string | undefined,
    url: URL,
    cancel: boolean,
  ): Response {
    if (id === undefined) return list(collection, url);
    const run = runs.get(id);
    if (run === undefined) return error(404, "NOT_FOUND", false);
    if (method === "DELETE") {
      runs.delete(id);
      deleteEffects.set(id, (deleteEffects.get(id) ?? 0) + 1);
      return json(200, { id });
    }
    if (cancel) {
      if (run.status !== "PROCESSING" && run.status !== "PENDING") {
        return error(400, "INVALID_REQUEST", false);
      }
      run.status = "CANCELLED";
      cancelEffects.set(id, (cancelEffects.get(id) ?? 0) + 1);
      return json(200, { object: COLLECTIONS[collection], ...run });
    }
    return json(200, { object: COLLECTIONS[collection], ...run });
  }

  function list(collection: string, url: URL): Response {
    const prefix = Object.entries(PREFIXES).find(([, c]) => c === collection)?.[0] ?? "";
    const status = url.searchParams.get("status");
    const all = [...runs.values()]
      .filter((r) => r.id.startsWith(prefix) && (status === null || r.status === status))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const start = Number(url.searchParams.get("nextPageToken") ?? "0");
    const size = Number(url.searchParams.get("maxPageSize") ?? options.pageSize ?? 10);
    const data = all
      .slice(start, start + size)
      .map((r) => ({ object: COLLECTIONS[collection], ...r }));
    const next = start + size < all.length ? String(start + size) : undefined;
    return json(200, { object: "list", data, ...(next !== undefined && { nextPageToken: next }) });
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const [collection = "", id, action] = url.pathname.split("/").filter(Boolean);
    const method = request.method;
    const now = clock.now();
    log.push({ method, path: url.pathname, at: now });
    if (now < notBefore) earlyRequests++;
    const key = id ?? `${collection}?list`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    if (options.latency) await sleep(options.latency);
    const fault = options.fault?.({ method, id, attempt, now });
    const normal = () => apply(method, collection, id, url, action === "cancel");
    if (fault === undefined) return normal();
    if ("respond" in fault) {
      const { status, headers = {}, body } = fault.respond;
      if (status === 429 || status === 503) {
        const seconds = Number(headers["retry-after"]);
        if (Number.isFinite(seconds)) notBefore = Math.max(notBefore, clock.now() + seconds * 1000);
      }
      return json(
        status,
        body ?? {
          code: `HTTP_${status}`,
          message: "fault",
          retryable: status >= 500 || status === 429,
        },
        headers,
      );
    }
    if ("reset" in fault) {
      if (fault.reset === "after") normal();
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
      });
    }
    if ("html" in fault) {
      if (fault.html === "after") normal();
      return new Response("<html><body>Just a moment...</body></html>", {
        status: 200,
        headers: { "content-type": "text/html" },
      });
    }
    if ("mismatch" in fault) {
      normal();
      return json(200, { id: "exr_someone_else" });
    }
    return new Promise<Response>((_, reject) => {
      request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
    });
  }

  return {
    async fetch(request: Request): Promise<Response> {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await handle(request);
      } finally {
        inFlight--;
      }
    },
    runs,
    deleteEffects,
    cancelEffects,
    log,
    get maxInFlight() {
      return maxInFlight;
    },
    get earlyRequests() {
      return earlyRequests;
    },
    setStatus(id: string, status: string) {
      const run = runs.get(id);
      if (run) run.status = status;
    },
  };
}

const PREFIXES: Record<string, string> = {
  workflow_run_: "workflow_runs",
  exr_: "extract_runs",
  pr_: "parse_runs",
  clr_: "classify_runs",
  splr_: "split_runs",
  edr_: "edit_runs",
};

/** `n` extract runs `exr_0000…`, created one minute apart from `start`, all PROCESSED. */
export function seedRuns(
  n: number,
  prefix = "exr_",
  start = Date.parse("2026-01-01T00:00:00Z"),
): FakeRun[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${String(i).padStart(6, "0")}`,
    status: "PROCESSED",
    createdAt: new Date(start + i * 60_000).toISOString(),
    metadata: { tenant: i % 2 === 0 ? "acme" : "globex" },
  }));
}
