import type { BatchRun, EvaluationSetRun, LegacyBatchProcessorRun } from "@extendkit/core";
import type { RunRecord } from "../run-record.ts";
import { batchStatus } from "./batch-status.ts";
import { iso, type RenderContext, stableSuffix } from "./render-context.ts";

export function renderBatchRun(run: RunRecord, ctx: RenderContext): BatchRun {
  return {
    object: "batch_run",
    id: run.id,
    status: batchStatus(run, ctx),
    runCount: run.members.length,
    createdAt: iso(run.createdAt),
  };
}

export function renderEvaluationSetRun(run: RunRecord): EvaluationSetRun {
  const entity = run.processorId
    ? { object: "extractor", id: run.processorId, name: `extractor ${run.processorId}` }
    : null;
  return {
    object: "evaluation_set_run",
    id: run.id,
    evaluationSetId: run.evaluationSetId ?? "",
    entity,
    entityVersion: entity
      ? {
          object: "extractor_version",
          id: `exv_${stableSuffix(`${run.processorId}@${run.processorVersion}`)}`,
          version: run.processorVersion ?? "draft",
        }
      : null,
    metrics: run.status === "PROCESSED" ? { accuracy: 1 } : null,
    status: run.status,
    options: {},
    createdAt: iso(run.createdAt),
    updatedAt: iso(run.updatedAt),
  };
}

export function renderBatchProcessorRun(run: RunRecord): LegacyBatchProcessorRun {
  const processorId = run.processorId ?? "ex_unknown";
  return {
    object: "batch_processor_run",
    id: run.id,
    processorId,
    processorVersionId: `exv_${stableSuffix(`${processorId}@${run.processorVersion}`)}`,
    processorName: `processor ${processorId}`,
    metrics: { numFiles: run.members.length, numPages: run.members.length },
    status: run.status,
    source: run.source,
    sourceId: run.sourceId,
    runCount: run.members.length,
    options: {},
    createdAt: iso(run.createdAt),
    updatedAt: iso(run.updatedAt),
  };
}
