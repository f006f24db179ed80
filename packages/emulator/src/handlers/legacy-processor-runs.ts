import { ApiFailure } from "../api-failure.ts";
import { renderBatchProcessorRun } from "../render/render-batch-run.ts";
import {
  renderLegacyProcessorRun,
  renderLegacyProcessorRunSummary,
} from "../render/render-legacy-processor-run.ts";
import { withOverrides } from "../render/render-run.ts";
import type { RunKind } from "../run-kinds.ts";
import { applyCancel } from "./cancel-run.ts";
import { createRunRecord } from "./create-run-record.ts";
import { applyDelete } from "./delete-run.ts";
import { fileFromInput } from "./file-from-input.ts";
import { listPage, tokenField } from "./list-runs.ts";
import type { OperationContext } from "./operation-context.ts";
import { findRun } from "./retrieve-run.ts";

/**
 * The deprecated `/processor_runs` API is a second view of extract, classify and split runs (the
 * 2026-02-09 per-type endpoints replaced it): a run created here is also an `exr_`/`clr_`/`splr_`
 * run of the new API, and deleting it through either API deletes it from both. Bodies use the
 * legacy envelopes `{success, processorRun}`, `{success, processorRuns}` and the legacy delete body.
 */
const KINDS: readonly RunKind[] = ["extractRuns", "classifyRuns", "splitRuns"];

function kindOf(body: { processorId: string; config?: { type?: string } }): RunKind {
  const type = body.config?.type;
  if (type === "CLASSIFY" || body.processorId.startsWith("cl_")) return "classifyRuns";
  if (type === "SPLITTER" || /^spl?_/.test(body.processorId)) return "splitRuns";
  return "extractRuns";
}

const envelope = (run: Parameters<typeof renderLegacyProcessorRun>[0]) => ({
  success: true,
  processorRun: withOverrides(run, renderLegacyProcessorRun(run)),
});

export function createLegacyProcessorRun(ctx: OperationContext) {
  const body = ctx.body as {
    processorId: string;
    version?: string;
    file?: Record<string, unknown>;
    rawText?: string;
    sync?: boolean;
    metadata?: Record<string, unknown>;
    config?: { type?: string } & Record<string, unknown>;
  };
  if (!body.file && body.rawText === undefined)
    throw new ApiFailure(400, "INVALID_REQUEST", "Give `file` or `rawText`.", { retryable: false });
  const rng = ctx.state.rng.ids;
  const file = body.file
    ? fileFromInput(body.file, rng, ctx.now)
    : fileFromInput({ text: body.rawText }, rng, ctx.now);
  const run = createRunRecord(ctx.state, {
    kind: kindOf(body),
    workspaceId: ctx.workspaceId,
    start: body.sync ? "done" : "PROCESSING",
    processorId: body.processorId,
    processorVersion: body.version ?? "latest",
    file,
    config: body.config ?? {},
    metadata: body.metadata ?? null,
  });
  return { body: envelope(run) };
}

export const getLegacyProcessorRun = (ctx: OperationContext) => ({
  body: envelope(findRun(ctx, KINDS)),
});

export function cancelLegacyProcessorRun(ctx: OperationContext) {
  const run = findRun(ctx, KINDS);
  applyCancel(ctx.state, run, ctx.now);
  return { body: envelope(run) };
}

export function deleteLegacyProcessorRun(ctx: OperationContext) {
  const id = applyDelete(ctx, KINDS);
  return {
    body: {
      success: true,
      documentProcessorRunId: id,
      message: "Document processor run data has been successfully deleted.",
    },
  };
}

export function listLegacyProcessorRuns(ctx: OperationContext) {
  const page = listPage(ctx, KINDS);
  return {
    body: {
      success: true,
      processorRuns: page.items.map((r) => withOverrides(r, renderLegacyProcessorRunSummary(r))),
      ...tokenField(ctx, page.nextPageToken),
    },
  };
}

export const getBatchProcessorRun = (ctx: OperationContext) => {
  const run = findRun(ctx, ["batchProcessorRuns"]);
  return {
    body: { success: true, batchProcessorRun: withOverrides(run, renderBatchProcessorRun(run)) },
  };
};
