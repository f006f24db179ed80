import type { FetchLike } from "./contenders/types.ts";

/**
 * The spec's ExtractRun example after a cancel: what the stub answers to `POST …/cancel`, split
 * around its `id` so the answer names the run that was asked for (clients check that it does).
 */
const [RUN_HEAD, RUN_TAIL] = JSON.stringify({
  object: "extract_run",
  id: "\u0000",
  status: "CANCELLED",
  extractor: { object: "extractor", id: "ex_Xj8mK2pL9nR4vT7qY5wZ", name: "Invoices" },
  extractorVersion: null,
  output: null,
  initialOutput: null,
  reviewedOutput: null,
  edits: null,
  files: null,
  failureReason: null,
  failureMessage: null,
  metadata: { customerId: "cus_42" },
  reviewed: false,
  edited: false,
  config: {},
  parseRunId: null,
  dashboardUrl: "https://dashboard.extend.ai/runs/exr_Xj8mK2pL9nR4vT7qY5wZ",
  usage: null,
  createdAt: "2026-03-21T16:45:00Z",
  updatedAt: "2026-03-21T16:46:30Z",
}).split('"\\u0000"') as [string, string];
const JSON_HEADERS = { "content-type": "application/json" };

/** One request the stub saw (recorded only when `record` is on). */
export interface StubCall {
  method: string;
  url: string;
  headers: Headers;
}

export interface StubFetch {
  fetch: FetchLike;
  /** Requests answered, by method. */
  readonly counts: { POST: number; DELETE: number; other: number };
  /** Every request, when created with `record: true` (tests); empty otherwise. */
  readonly calls: StubCall[];
}

export interface StubOptions {
  /** Keep every request in `calls` (tests). Default: false. */
  record?: boolean;
  /**
   * Answer from a macrotask (`setImmediate`), as a real fetch does from its I/O callbacks.
   * Default: false — answer within microtasks, the least overhead (section 2).
   *
   * Why it matters: a loop whose fetch never leaves the microtask queue never lets the event loop
   * turn, so FinalizationRegistry callbacks never run. Node 20's undici registers one for every
   * `Request` that follows a signal, so such a loop keeps every request alive — a leak no program
   * with real I/O has. Long streams (section 6) therefore use `macrotask: true`.
   */
  macrotask?: boolean;
}

/**
 * A `fetch` that answers at once, without a network: 200 with the cancelled run for POST, 200 with
 * `{ id }` for DELETE (both naming the id in the URL), 404 otherwise. It reads the method from a `Request` or from `init`, the two
 * ways the contenders call fetch, and does no other work, so the time measured is the client's.
 */
export function createStubFetch(options: StubOptions = {}): StubFetch {
  const counts = { POST: 0, DELETE: 0, other: 0 };
  const calls: StubCall[] = [];
  const fetch: FetchLike = async (input, init) => {
    const isRequest = typeof input === "object" && "method" in input;
    const method = (isRequest ? input.method : (init?.method ?? "GET")).toUpperCase();
    const url = isRequest ? input.url : String(input);
    if (options.record === true) {
      const headers = new Headers(isRequest ? input.headers : init?.headers);
      calls.push({ method, url, headers });
    }
    if (options.macrotask === true) await new Promise((resolve) => setImmediate(resolve));
    if (method === "POST") {
      counts.POST++;
      const id = JSON.stringify(idFrom(url.slice(0, -"/cancel".length)));
      return new Response(`${RUN_HEAD}${id}${RUN_TAIL}`, { status: 200, headers: JSON_HEADERS });
    }
    if (method === "DELETE") {
      counts.DELETE++;
      return new Response(`{"id":${JSON.stringify(idFrom(url))}}`, {
        status: 200,
        headers: JSON_HEADERS,
      });
    }
    counts.other++;
    return new Response('{"code":"NOT_FOUND","message":"stub","retryable":false}', {
      status: 404,
      headers: JSON_HEADERS,
    });
  };
  return { fetch, counts, calls };
}

/** The last path segment of `url`, decoded: the run id. */
function idFrom(url: string): string {
  return decodeURIComponent(url.slice(url.lastIndexOf("/") + 1));
}
