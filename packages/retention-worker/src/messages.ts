import type { ListableRunType } from "@extendkit/workers";

/**
 * "List one page of `type` and enqueue its expired runs." Each scan message carries the cutoff
 * fixed by the Cron Trigger, so every page of one purge uses the same one.
 */
export interface ScanMessage {
  kind: "scan";
  type: ListableRunType;
  /** One of the configured statuses (each is listed on its own), or absent for any status. */
  status?: string;
  /** Runs created before this instant (ISO) are expired. */
  cutoff: string;
  /** Where the listing continues; absent on a pass's first page. */
  pageToken?: string;
  /** 1 on the first listing; a pass that found runs is followed by another, up to `maxPasses`. */
  pass: number;
  /** Runs this pass has enqueued so far. */
  found: number;
}

/** "Delete this run." One per run, so each is retried and dead-lettered on its own. */
export interface DeleteMessage {
  kind: "delete";
  id: string;
}

export type RetentionMessage = ScanMessage | DeleteMessage;

/** What the dead-letter queue receives (Cloudflare moves messages there after `max_retries`). */
export type DeadLetter = DeleteMessage | ScanMessage | { kind: "dead"; id: string; error: string };
