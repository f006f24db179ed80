import { ExtendError } from "../extend-error.ts";
import type { BulkStop } from "./bulk-report.ts";

/** The error of an ID whose request was in flight when its bulk job stopped; its outcome is unknown. */
export class BulkStoppedError extends ExtendError {
  override name = "BulkStoppedError";
  constructor(readonly stop: BulkStop) {
    super(`the bulk job stopped (${stop.reason}) before this run's outcome was known`, {
      cause: "cause" in stop ? stop.cause : "error" in stop ? stop.error : undefined,
    });
  }
}
