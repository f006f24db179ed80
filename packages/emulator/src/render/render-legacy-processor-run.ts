import type { LegacyProcessorRun, LegacyProcessorRunSummary } from "@extendkit/core";
import type { RunKind } from "../run-kinds.ts";
import type { RunRecord } from "../run-record.ts";
import { iso, stableSuffix } from "./render-context.ts";
import { renderFile } from "./render-file.ts";
import { processorOutput } from "./render-processor-run.ts";

/** Legacy `type` of the run kinds `/processor_runs` shows (REFERENCE §3.6). */
export const LEGACY_TYPES: Partial<Record<RunKind, "EXTRACT" | "CLASSIFY" | "SPLITTER">> = {
  extractRuns: "EXTRACT",
  classifyRuns: "CLASSIFY",
  splitRuns: "SPLITTER",
};

function ids(run: RunRecord) {
  const processorId = run.processorId ?? "processor_inline";
  return {
    processorId,
    processorVersionId: `${processorId.split("_")[0]}v_${stableSuffix(`${processorId}@${run.processorVersion}`)}`,
    processorName: `processor ${processorId}`,
  };
}

const legacyUsage = (status: string) => (status === "PROCESSED" ? { usage: { credits: 1 } } : {});

/** An extract, classify or split run as the legacy API shows it. */
export function renderLegacyProcessorRun(run: RunRecord): LegacyProcessorRun {
  const output = processorOutput(run);
  return {
    object: "document_processor_run",
    id: run.id,
    ...ids(run),
    status: run.status,
    output,
    failureReason: run.failureReason,
    failureMessage: run.failureMessage,
    metadata: run.metadata,
    reviewed: false,
    edited: false,
    edits: {},
    type: LEGACY_TYPES[run.kind] ?? "EXTRACT",
    config: run.config,
    initialOutput: output,
    reviewedOutput: null,
    files: run.file ? [renderFile(run.file)] : [],
    mergedProcessors: [],
    url: `https://dashboard.extend.ai/runs/${run.id}`,
    ...legacyUsage(run.status),
  };
}

export function renderLegacyProcessorRunSummary(run: RunRecord): LegacyProcessorRunSummary {
  return {
    id: run.id,
    status: run.status,
    ...ids(run),
    type: LEGACY_TYPES[run.kind] ?? "EXTRACT",
    createdAt: iso(run.createdAt),
    updatedAt: iso(run.updatedAt),
    ...legacyUsage(run.status),
  };
}
