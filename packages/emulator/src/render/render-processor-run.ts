import type { RunKind } from "../run-kinds.ts";
import type { RunRecord } from "../run-record.ts";
import { iso, stableSuffix, usageOf, usageSummaryOf } from "./render-context.ts";
import { renderFile } from "./render-file.ts";

/** Extract, classify and split runs share one skeleton (REFERENCE §3.2). */
const NAMES: Partial<
  Record<RunKind, { ref: string; object: string; version: string; idKey: string }>
> = {
  extractRuns: {
    ref: "extractor",
    object: "extract_run",
    version: "extractorVersion",
    idKey: "extractorId",
  },
  classifyRuns: {
    ref: "classifier",
    object: "classify_run",
    version: "classifierVersion",
    idKey: "classifierId",
  },
  splitRuns: {
    ref: "splitter",
    object: "split_run",
    version: "splitterVersion",
    idKey: "splitterId",
  },
};

/** A plausible output per kind, so clients have something to parse. */
export function processorOutput(run: RunRecord): Record<string, unknown> | null {
  if (run.status !== "PROCESSED") return null;
  if (run.kind === "extractRuns") return { value: { emulated: true }, metadata: {} };
  if (run.kind === "classifyRuns")
    return { id: "document", type: "document", confidence: 1, insights: [] };
  return {
    splits: [
      {
        id: `splt_${stableSuffix(run.id)}`,
        type: "document",
        classificationId: "document",
        identifier: "1",
        observation: "Emulated split covering the whole file.",
        startPage: 1,
        endPage: run.file?.pageCount ?? 1,
        fileId: run.file?.id ?? null,
      },
    ],
  };
}

function refs(run: RunRecord) {
  const names = NAMES[run.kind];
  if (!names) throw new Error(`renderProcessorRun: ${run.kind} is not a processor run`);
  const processor = run.processorId
    ? {
        object: names.ref,
        id: run.processorId,
        name: `${names.ref} ${run.processorId}`,
        createdAt: iso(run.createdAt),
        updatedAt: iso(run.createdAt),
      }
    : null;
  const version = run.processorId
    ? {
        object: `${names.ref}_version`,
        id: `${names.ref.slice(0, 2)}v_${stableSuffix(`${run.processorId}@${run.processorVersion}`)}`,
        description: null,
        version: run.processorVersion ?? "latest",
        [names.idKey]: run.processorId,
        createdAt: iso(run.createdAt),
      }
    : null;
  return { object: names.object, id: run.id, [names.ref]: processor, [names.version]: version };
}

function common(run: RunRecord) {
  return {
    id: run.id,
    status: run.status,
    failureReason: run.failureReason,
    failureMessage: run.failureMessage,
    metadata: run.metadata,
    reviewed: false,
    edited: false,
    file: run.file ? renderFile(run.file) : null,
    ...(run.kind === "extractRuns" ? { files: run.files ? run.files.map(renderFile) : null } : {}),
    parseRunId: null,
    dashboardUrl: `https://dashboard.extend.ai/runs/${run.id}`,
    createdAt: iso(run.createdAt),
    updatedAt: iso(run.updatedAt),
  };
}

export function renderProcessorRun(run: RunRecord): Record<string, unknown> {
  const output = processorOutput(run);
  return {
    ...refs(run),
    ...common(run),
    output,
    initialOutput: output,
    reviewedOutput: null,
    ...(run.kind === "extractRuns" ? { edits: null } : {}),
    config: run.config,
    usage: usageOf(run.status),
  };
}

export function renderProcessorRunSummary(run: RunRecord): Record<string, unknown> {
  return { ...refs(run), ...common(run), usage: usageSummaryOf(run.status) };
}
