import {
  type ExtendEnv,
  LISTABLE_RUN_TYPES,
  type ListableRunType,
  parseDuration,
} from "@extendkit/workers";
import type { DeadLetter, RetentionMessage } from "./messages.ts";
import type { KVNamespace, Queue } from "./queue-types.ts";

/** The Worker's bindings (wrangler.toml shows each). */
export interface RetentionEnv extends ExtendEnv {
  /** Required. Runs created longer ago than this are deleted: `30d`, `12h`, `1d12h`, … */
  RETENTION_OLDER_THAN?: string;
  /** `all` (default) or a comma list of `workflow`, `extract`, `parse`, `classify`, `split`. */
  RETENTION_TYPES?: string;
  /** Only runs in these statuses (comma list). Default: any status. */
  RETENTION_STATUS?: string;
  /** Only runs whose metadata has every `key=value` (comma list). Default: any. */
  RETENTION_METADATA?: string;
  /** Only runs of this workflow (workflow runs). Default: any. */
  RETENTION_WORKFLOW?: string;
  /** Only runs of this batch. Default: any. */
  RETENTION_BATCH?: string;
  /** Listing passes per purge: a pass that found runs is followed by another. Default: 3. */
  RETENTION_MAX_PASSES?: string;
  /** Seconds between passes, so the deletes of one land before the next lists. Default: 60. */
  RETENTION_RESCAN_DELAY?: string;
  /** Page size asked of the API. Default: 100. */
  RETENTION_PAGE_SIZE?: string;
  /** `true`: list and log what would be deleted; enqueue no delete. Default: false. */
  RETENTION_DRY_RUN?: string;
  /** Name of the dead-letter queue, as in wrangler.toml. Default: `extendkit-retention-dlq`. */
  RETENTION_DLQ_NAME?: string;
  /** Bearer token for `POST /purge` and `GET /dead`. Unset: the fetch handler answers 404. */
  RETENTION_ADMIN_TOKEN?: string;
  /** Producer binding of the work queue (scan and delete messages). Required. */
  RETENTION_QUEUE: Queue<RetentionMessage>;
  /** Producer binding of the dead-letter queue, for runs that can never be deleted. Optional. */
  RETENTION_DLQ?: Queue<DeadLetter>;
  /** KV namespace where dead letters are recorded (`dead:<id>`). Optional. */
  RETENTION_DEAD?: KVNamespace;
}

/** The bindings, checked and with defaults applied. */
export interface RetentionConfig {
  olderThanMs: number;
  types: ListableRunType[];
  status: string[];
  metadata: Record<string, string>;
  workflowId: string | undefined;
  batchId: string | undefined;
  maxPasses: number;
  rescanDelaySeconds: number;
  pageSize: number;
  dryRun: boolean;
  dlqName: string;
}

/** Reads the bindings; throws with the binding's name when one is missing or wrong. */
export function readConfig(env: RetentionEnv): RetentionConfig {
  if (!env.RETENTION_OLDER_THAN) throw new Error("RETENTION_OLDER_THAN is not set (e.g. 30d)");
  const list = (value: string | undefined) =>
    (value ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const types = list(env.RETENTION_TYPES);
  for (const type of types) {
    if (type !== "all" && !(LISTABLE_RUN_TYPES as readonly string[]).includes(type)) {
      throw new Error(
        `RETENTION_TYPES: ${type} is not one of all, ${LISTABLE_RUN_TYPES.join(", ")}`,
      );
    }
  }
  const metadata: Record<string, string> = {};
  for (const pair of list(env.RETENTION_METADATA)) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new Error(`RETENTION_METADATA: ${pair} is not key=value`);
    metadata[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const whole = (name: keyof RetentionEnv, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`${name} must be a whole number >= ${min}`);
    return n;
  };
  return {
    olderThanMs: parseDuration(env.RETENTION_OLDER_THAN),
    types:
      types.length === 0 || types.includes("all")
        ? [...LISTABLE_RUN_TYPES]
        : (types as ListableRunType[]),
    status: list(env.RETENTION_STATUS),
    metadata,
    workflowId: env.RETENTION_WORKFLOW || undefined,
    batchId: env.RETENTION_BATCH || undefined,
    maxPasses: whole("RETENTION_MAX_PASSES", 3, 1),
    rescanDelaySeconds: whole("RETENTION_RESCAN_DELAY", 60, 0),
    pageSize: whole("RETENTION_PAGE_SIZE", 100, 1),
    dryRun: env.RETENTION_DRY_RUN === "true",
    dlqName: env.RETENTION_DLQ_NAME || "extendkit-retention-dlq",
  };
}
