import type { EditRun, FormDetectionRun } from "@extendkit/core";
import type { RunRecord } from "../run-record.ts";
import { FILES_HOST, stableSuffix, usageOf } from "./render-context.ts";
import { renderFile } from "./render-file.ts";

const metricsOf = (run: RunRecord) =>
  run.status === "PROCESSED" && run.startedAt !== null && run.endedAt !== null
    ? { processingTimeMs: run.endedAt - run.startedAt, pageCount: run.file?.pageCount ?? 1 }
    : null;

/** Edit runs and form detection runs have no metadata and no timestamps (REFERENCE §3.4). */
export function renderEditRun(run: RunRecord): EditRun {
  const edited = `file_${stableSuffix(`edited:${run.id}`)}`;
  return {
    object: "edit_run",
    id: run.id,
    ...(run.file ? { file: renderFile(run.file) } : {}),
    status: run.status,
    failureReason: run.failureReason,
    failureMessage: run.failureMessage,
    config: run.config,
    output:
      run.status === "PROCESSED"
        ? {
            editedFile: { id: edited, presignedUrl: `${FILES_HOST}/edited/${edited}.pdf` },
            filledValues: {},
          }
        : null,
    metrics: metricsOf(run),
    usage: usageOf(run.status),
  };
}

export function renderFormDetectionRun(run: RunRecord): FormDetectionRun {
  return {
    object: "form_detection_run",
    id: run.id,
    ...(run.file ? { file: renderFile(run.file) } : {}),
    status: run.status,
    failureReason: run.failureReason,
    failureMessage: run.failureMessage,
    config: run.config,
    output: run.status === "PROCESSED" ? { schema: { type: "object", properties: {} } } : null,
    metrics: metricsOf(run),
    usage: usageOf(run.status),
  };
}
