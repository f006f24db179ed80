import { ApiFailure } from "../api-failure.ts";
import { paginate } from "../paginate.ts";
import { LEGACY_TYPES } from "../render/render-legacy-processor-run.ts";
import { renderRunSummary } from "../render/render-run.ts";
import type { RunKind } from "../run-kinds.ts";
import type { RunRecord } from "../run-record.ts";
import type { OperationContext } from "./operation-context.ts";

/** List filters (REFERENCE §7): query parameter → test on a run. Applied when the parameter is sent. */
const FILTERS: Record<string, (run: RunRecord, value: string) => boolean> = {
  status: (r, v) => r.status === v,
  workflowId: (r, v) => r.processorId === v,
  extractorId: (r, v) => r.processorId === v,
  classifierId: (r, v) => r.processorId === v,
  splitterId: (r, v) => r.processorId === v,
  processorId: (r, v) => r.processorId === v,
  processorType: (r, v) => LEGACY_TYPES[r.kind] === v,
  batchId: (r, v) => r.batchId === v,
  source: (r, v) => r.source === v,
  sourceId: (r, v) => r.sourceId === v,
  fileNameContains: (r, v) =>
    (r.file?.name.includes(v) ?? false) || (r.files?.some((f) => f.name.includes(v)) ?? false),
};

function pageSize(ctx: OperationContext): number {
  const { switches } = ctx.state;
  const param =
    ctx.op.operationId === "parseRuns.list" && switches.parsePageSizeParam === "limit"
      ? "limit"
      : "maxPageSize";
  const raw = ctx.query.get(param);
  if (raw === null) return Math.min(switches.defaultPageSize, switches.maxPageSize);
  const n = Number(raw);
  // maxPageSize is checked by the spec validator; `limit` is not in the spec, so it is checked here.
  if (!Number.isInteger(n) || n < 1)
    throw new ApiFailure(400, "INVALID_REQUEST", `${param} must be a positive integer.`, {
      retryable: false,
    });
  return Math.min(n, switches.maxPageSize);
}

/** Filtered, sorted, paginated runs of `kinds` in the caller's workspace. */
export function listPage(ctx: OperationContext, kinds: readonly RunKind[]) {
  const declared = new Set(ctx.op.parameters.filter((p) => p.in === "query").map((p) => p.name));
  const active = Object.entries(FILTERS).filter(([name]) => {
    if (!declared.has(name) || ctx.query.get(name) === null) return false;
    // GET /parse_runs: batchId takes precedence over source (REFERENCE §2.3).
    return !(
      name === "source" &&
      ctx.op.operationId === "parseRuns.list" &&
      ctx.query.has("batchId")
    );
  });
  const runs = ctx.state.store
    .list(kinds, ctx.workspaceId, ctx.now)
    .filter((r) => active.every(([name, test]) => test(r, ctx.query.get(name) as string)));
  const { switches } = ctx.state;
  const sortBy = declared.has("sortBy") ? ctx.query.get("sortBy") : null;
  const sortDir = declared.has("sortDir") ? ctx.query.get("sortDir") : null;
  const page = paginate(
    runs,
    {
      sortBy: (sortBy as "createdAt" | "updatedAt" | null) ?? switches.defaultSortBy,
      sortDir: (sortDir as "asc" | "desc" | null) ?? switches.defaultSortDir,
      pageSize: pageSize(ctx),
      token: ctx.query.get("nextPageToken"),
    },
    switches,
  );
  const fault = ctx.listFault?.type;
  if (fault === "emptyPage") return { items: [] as RunRecord[], nextPageToken: page.here };
  if (fault === "repeatPage")
    return { items: page.items, nextPageToken: ctx.query.get("nextPageToken") ?? page.here };
  return { items: page.items, nextPageToken: page.nextPageToken };
}

/** `nextPageToken` as the `lastPage` switch renders the end of a list. */
export function tokenField(ctx: OperationContext, token: string | undefined) {
  if (token !== undefined) return { nextPageToken: token };
  return ctx.state.switches.lastPage === "emptyString" ? { nextPageToken: "" } : {};
}

export function listRuns(kind: RunKind) {
  return (ctx: OperationContext) => {
    const page = listPage(ctx, [kind]);
    return {
      body: {
        object: "list",
        data: page.items.map(renderRunSummary),
        ...tokenField(ctx, page.nextPageToken),
      },
    };
  };
}
