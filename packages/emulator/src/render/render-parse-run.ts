import type { ParseRun, ParseRunSummary } from "@extendkit/core";
import type { RunRecord } from "../run-record.ts";
import { FILES_HOST, iso, type RenderContext, usageOf, usageSummaryOf } from "./render-context.ts";
import { renderFile } from "./render-file.ts";

const metricsOf = (run: RunRecord) =>
  run.status === "PROCESSED" && run.startedAt !== null && run.endedAt !== null
    ? { processingTimeMs: run.endedAt - run.startedAt, pageCount: run.file?.pageCount ?? 1 }
    : null;

export function renderParseRun(run: RunRecord, ctx: RenderContext): ParseRun {
  const done = run.status === "PROCESSED";
  const asUrl = ctx.responseType === "url";
  return {
    object: "parse_run",
    id: run.id,
    batchId: run.batchId,
    file: run.file ? renderFile(run.file) : null,
    status: run.status,
    failureReason: run.failureReason,
    failureMessage: run.failureMessage,
    metadata: run.metadata,
    output:
      done && !asUrl
        ? { chunks: [{ object: "chunk", type: "page", content: `# ${run.file?.name ?? run.id}` }] }
        : null,
    outputUrl: done && asUrl ? `${FILES_HOST}/parse_runs/${run.id}/output.json` : null,
    metrics: metricsOf(run),
    config: run.config,
    usage: usageOf(run.status),
  };
}

export function renderParseRunSummary(run: RunRecord): ParseRunSummary {
  return {
    object: "parse_run",
    id: run.id,
    batchId: run.batchId,
    file: run.file ? renderFile(run.file) : null,
    status: run.status,
    failureReason: run.failureReason,
    failureMessage: run.failureMessage,
    metadata: run.metadata,
    metrics: metricsOf(run),
    usage: usageSummaryOf(run.status),
    createdAt: iso(run.createdAt),
    updatedAt: iso(run.updatedAt),
  };
}
