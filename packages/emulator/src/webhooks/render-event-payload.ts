import type { RenderContext } from "../render/render-context.ts";
import { renderRun } from "../render/render-run.ts";
import type { RunRecord } from "../run-record.ts";

/**
 * The `payload` of a run event (REFERENCE §6.2): the run as `GET` shows it (seeded `overrides`
 * included), except parse runs, whose events carry the minimal `parse_run_status` object.
 */
export function renderEventPayload(run: RunRecord, ctx: RenderContext): Record<string, unknown> {
  const full = renderRun(run, ctx);
  if (run.kind !== "parseRuns") return full;
  return {
    object: "parse_run_status",
    id: full.id,
    status: full.status,
    failureReason: full.failureReason ?? null,
    failureMessage: full.failureMessage ?? null,
    metadata: full.metadata ?? null,
  };
}
