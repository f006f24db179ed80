import { InvalidArgumentError } from "../invalid-argument-error.ts";
import { numberProblem } from "../number-problem.ts";
import { parseDuration } from "./parse-duration.ts";

/** Run types that have a list endpoint, and so can be found by a filter. */
export const LISTABLE_RUN_TYPES = ["workflow", "extract", "parse", "classify", "split"] as const;
export type ListableRunType = (typeof LISTABLE_RUN_TYPES)[number];

/** The list method serving each listable type, and whether it sorts by `createdAt`. */
export const LIST_ROUTES: Record<ListableRunType, { resource: string; sortable: boolean }> = {
  workflow: { resource: "workflowRuns", sortable: true },
  extract: { resource: "extractRuns", sortable: true },
  parse: { resource: "parseRuns", sortable: false },
  classify: { resource: "classifyRuns", sortable: true },
  split: { resource: "splitRuns", sortable: true },
};

/** Which runs `client.runs.find` yields. Every condition must hold. */
export interface RunFilter {
  /** Run types to list. Default: all listable types (`workflow`, `extract`, `parse`, `classify`, `split`). */
  types?: readonly ListableRunType[];
  /** Only runs created more than this long ago: ms, or a duration such as `30d`. Default: any age. */
  olderThan?: number | string;
  /** Only runs created before this instant (wins over `olderThan`). Default: any. */
  createdBefore?: Date | string | number;
  /** Only runs in one of these statuses (sent to the API, one listing per status). Default: any. */
  status?: readonly string[];
  /** Only runs of this workflow; implies `types: ["workflow"]`. Default: any. */
  workflowId?: string;
  /** Only runs of this batch (`batch_…`, `bpr_…`, `bpar_…`). Default: any. */
  batchId?: string;
  /**
   * Only runs whose metadata has all these keys with these values (strings compare as is, other
   * values as JSON). Workflow-run summaries carry no metadata, so each candidate is read. Default: any.
   */
  metadata?: Readonly<Record<string, string>>;
  /** Page size asked of the API. Default: 100. */
  maxPageSize?: number;
}

/** A filter with every default applied and the cutoff fixed. */
export interface CompiledFilter {
  types: ListableRunType[];
  createdBefore: number | undefined;
  status: string[];
  workflowId: string | undefined;
  batchId: string | undefined;
  metadata: [string, string][];
  maxPageSize: number;
}

/** Applies defaults, fixes the cutoff against `now`, and rejects contradictions. */
export function compileFilter(filter: RunFilter, now: number): CompiledFilter {
  let types = [...(filter.types ?? LISTABLE_RUN_TYPES)];
  for (const type of types) {
    if (!LISTABLE_RUN_TYPES.includes(type)) {
      throw new InvalidArgumentError(
        `run type ${JSON.stringify(type)} cannot be listed; use one of ${LISTABLE_RUN_TYPES.join(", ")}`,
      );
    }
  }
  if (filter.workflowId !== undefined) {
    if (filter.types !== undefined && !types.includes("workflow")) {
      throw new InvalidArgumentError(
        "workflowId filters workflow runs, but types excludes workflow",
      );
    }
    types = ["workflow"];
  }
  let createdBefore: number | undefined;
  if (filter.createdBefore !== undefined) {
    createdBefore = new Date(filter.createdBefore).getTime();
    if (Number.isNaN(createdBefore))
      throw new InvalidArgumentError("createdBefore is not a valid date");
  } else if (filter.olderThan !== undefined) {
    const ms =
      typeof filter.olderThan === "number" ? filter.olderThan : parseDuration(filter.olderThan);
    if (!(ms > 0)) throw new InvalidArgumentError("olderThan must be a positive duration");
    createdBefore = now - ms;
  }
  const maxPageSize = filter.maxPageSize ?? 100;
  const problem = numberProblem(maxPageSize, 1, true);
  if (problem !== undefined) {
    throw new InvalidArgumentError(`maxPageSize ${problem}, got ${String(maxPageSize)}`);
  }
  return {
    types: [...new Set(types)],
    createdBefore,
    status: [...new Set(filter.status ?? [])],
    workflowId: filter.workflowId,
    batchId: filter.batchId,
    metadata: Object.entries(filter.metadata ?? {}),
    maxPageSize,
  };
}

/** The list query for one type (and one status, if any). */
export function listQuery(
  filter: CompiledFilter,
  type: ListableRunType,
  status: string | undefined,
): Record<string, unknown> {
  return {
    maxPageSize: filter.maxPageSize,
    ...(status !== undefined && { status }),
    ...(filter.workflowId !== undefined &&
      type === "workflow" && { workflowId: filter.workflowId }),
    ...(filter.batchId !== undefined && { batchId: filter.batchId }),
    ...(LIST_ROUTES[type].sortable && { sortBy: "createdAt", sortDir: "asc" }),
  };
}

/** Whether a run's creation time is before the cutoff. A run without a usable `createdAt` never is. */
export function isOldEnough(run: { createdAt?: unknown }, filter: CompiledFilter): boolean {
  if (filter.createdBefore === undefined) return true;
  const created = typeof run.createdAt === "string" ? Date.parse(run.createdAt) : Number.NaN;
  return Number.isFinite(created) && created < filter.createdBefore;
}

/**
 * Whether `metadata` has every key of the filter with its value: `true` or `false`, or undefined
 * when the run carries no metadata field at all (a summary that must be read in full to tell).
 */
export function metadataMatches(
  run: Record<string, unknown>,
  filter: CompiledFilter,
): boolean | undefined {
  if (filter.metadata.length === 0) return true;
  if (!("metadata" in run)) return undefined;
  const metadata = run.metadata;
  if (typeof metadata !== "object" || metadata === null) return false;
  return filter.metadata.every(([key, want]) => {
    const value = (metadata as Record<string, unknown>)[key];
    if (value === undefined) return false;
    return typeof value === "string" ? value === want : JSON.stringify(value) === want;
  });
}
