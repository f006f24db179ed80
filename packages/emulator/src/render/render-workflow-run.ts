import type { WorkflowRun, WorkflowRunSummary } from "@extendkit/core";
import { finishedStepRuns } from "../finished-step-runs.ts";
import type { RunRecord } from "../run-record.ts";
import {
  iso,
  isoOrNull,
  type RenderContext,
  stableSuffix,
  usageOf,
  usageSummaryOf,
} from "./render-context.ts";
import { renderFile } from "./render-file.ts";
import { renderStepRun } from "./render-step-run.ts";

function workflowParts(run: RunRecord) {
  const workflowId = run.processorId ?? "workflow_unknown";
  const version =
    run.processorVersion && /^\d/.test(run.processorVersion) ? run.processorVersion : "1";
  return {
    workflow: {
      object: "workflow" as const,
      id: workflowId,
      name: `Workflow ${workflowId}`,
      createdAt: iso(run.createdAt),
      updatedAt: iso(run.createdAt),
    },
    workflowVersion: {
      object: "workflow_version" as const,
      id: `workflow_version_${stableSuffix(`${workflowId}@${version}`)}`,
      version: run.processorVersion === "draft" ? "draft" : version,
      name: null,
      createdAt: iso(run.createdAt),
    },
    dashboardUrl: `https://dashboard.extend.ai/workflows/${run.id}`,
  };
}

/** The full workflow run; `stepRuns` holds the steps finished so far (finished-step-runs.ts). */
export function renderWorkflowRun(run: RunRecord, ctx: RenderContext): WorkflowRun {
  return {
    object: "workflow_run",
    id: run.id,
    ...workflowParts(run),
    status: run.status,
    metadata: run.metadata ?? {},
    batchId: run.batchId,
    files: run.file ? [renderFile(run.file)] : [],
    failureReason: run.failureReason,
    failureMessage: run.failureMessage,
    initialRunAt: iso(run.createdAt),
    reviewedByUser: null,
    reviewed: false,
    rejectionNote: null,
    reviewedAt: null,
    startTime: isoOrNull(run.startedAt),
    endTime: isoOrNull(run.endedAt),
    stepRuns: finishedStepRuns(run).map((finished) => renderStepRun(run, finished, ctx)),
    usage: usageOf(run.status),
  };
}

export function renderWorkflowRunSummary(run: RunRecord): WorkflowRunSummary {
  return {
    object: "workflow_run",
    id: run.id,
    status: run.status,
    ...workflowParts(run),
    reviewedByUser: null,
    reviewedAt: null,
    initialRunAt: iso(run.createdAt),
    startTime: isoOrNull(run.startedAt),
    endTime: isoOrNull(run.endedAt),
    batchId: run.batchId,
    rejectionNote: null,
    files: run.file ? [renderFile(run.file)] : [],
    createdAt: iso(run.createdAt),
    updatedAt: iso(run.updatedAt),
    usage: usageSummaryOf(run.status),
  };
}
