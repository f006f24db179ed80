import { type OperationKind, operationTable } from "@extendkit/core";

/** What `authorize` decided: `true` forwards; `false` → 401; `"forbidden"` → 403; `"not_found"` → 404. */
export type AuthorizeResult = boolean | "forbidden" | "not_found";

/** The operation a request resolved to, as passed to `authorize`. */
export interface ProxyTarget {
  /** The spec's operationId, e.g. `"workflowRuns.cancel"`. */
  operationId: string;
  resource: string;
  kind: OperationKind;
  /** The run id, already checked against the id alphabet and the route's run-type prefix. */
  id: string;
}

/** One log line per request. It never holds the key, headers, cookies, bodies or query strings. */
export interface ProxyLogEntry {
  requestId: string;
  method: string;
  operationId: string | null;
  status: number;
  /** The refusal or failure code (`operation_not_allowed`, `upstream_unreachable`, …); null when relayed. */
  code: string | null;
}

export interface RateLimitOptions {
  /** Requests allowed per window and key (a token bucket refilled continuously). Default: 60. */
  requests?: number;
  /** Window length in milliseconds. Default: 60 000. */
  windowMs?: number;
  /** The bucket a request counts against. Default: its `Cookie` header (one bucket per browser session). */
  key?: (request: Request) => string;
}

/** Options of `createProxyHandler`. `apiKey` and `authorize` are required. */
export interface ProxyOptions {
  /** The Extend API key, added to upstream requests only. Never logged, echoed or relayed. */
  apiKey: string;
  /**
   * Decides per request, after the route is validated and before anything is forwarded (check the
   * session cookie here; the proxy has no session of its own). May be async; a throw → 500.
   */
  authorize: (request: Request, target: ProxyTarget) => AuthorizeResult | Promise<AuthorizeResult>;
  /** operationIds that may be forwarded. Default: `DEFAULT_ALLOW` (retrieve, cancel, delete of run types). */
  allow?: readonly string[];
  /** Path the handler is mounted at. Default: `"/api/extend"`. */
  basePath?: string;
  /** Upstream API origin, a constant: nothing in a request can change it. Default: `https://api.extend.ai`. */
  baseUrl?: string;
  /** `x-extend-api-version` sent upstream, whatever the browser sends. Default: `2026-02-09`. */
  apiVersion?: string;
  /** `x-extend-workspace-id` sent upstream (from the server, never the browser). Default: not sent. */
  workspaceId?: string;
  /**
   * Origins allowed in the `Origin` header. Default: the origin of `request.url`; set it when a
   * reverse proxy in front changes the host or scheme the handler sees.
   */
  allowedOrigins?: readonly string[];
  /** Largest request body read, in bytes; more → 413. Default: 65 536. */
  maxBodyBytes?: number;
  /** Deadline for reading the request body, in ms; later → 408. Default: 10 000. */
  bodyTimeoutMs?: number;
  /** Deadline for the upstream answer, body and retries included, in ms; later → 504. Default: 30 000. */
  upstreamTimeoutMs?: number;
  /**
   * Retries of a failed upstream call, as `@extendkit/core`'s `maxRetries`: only safe ones (reads,
   * deletes, reconciled cancels; 429/5xx/connection failures), honouring Retry-After, within
   * `upstreamTimeoutMs`. The browser client itself sends each call once. Default: 2.
   */
  maxRetries?: number;
  /** Largest upstream body relayed, in bytes; more → 502. Default: 1 048 576. */
  maxResponseBytes?: number;
  /** Per-key rate limit, or `false` for none. Default: 60 requests per minute per session. */
  rateLimit?: RateLimitOptions | false;
  /** The `fetch` used upstream. Default: `globalThis.fetch`, looked up per call. */
  fetch?: (request: Request) => Promise<Response>;
  /** Receives one entry per request. Default: nothing is logged. */
  log?: (entry: ProxyLogEntry) => void;
}

const RUN_RESOURCES = new Set([
  "workflowRuns",
  "extractRuns",
  "parseRuns",
  "classifyRuns",
  "splitRuns",
  "editRuns",
  "processorRuns",
]);

/**
 * The operations forwarded by default: retrieve, cancel and delete of workflow, extract, parse,
 * classify, split, edit and (legacy) processor runs. Extend it with more operationIds, e.g.
 * `[...DEFAULT_ALLOW, "workflowRuns.list"]`.
 */
export const DEFAULT_ALLOW: readonly string[] = operationTable
  .filter(
    (op) =>
      op.resource !== null &&
      RUN_RESOURCES.has(op.resource) &&
      (op.kind === "retrieve" || op.kind === "cancel" || op.kind === "delete"),
  )
  .map((op) => op.operationId);
