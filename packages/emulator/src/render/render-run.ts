import type { RunRecord } from "../run-record.ts";
import {
  renderBatchProcessorRun,
  renderBatchRun,
  renderEvaluationSetRun,
} from "./render-batch-run.ts";
import type { RenderContext } from "./render-context.ts";
import { renderEditRun, renderFormDetectionRun } from "./render-edit-run.ts";
import { renderParseRun, renderParseRunSummary } from "./render-parse-run.ts";
import { renderProcessorRun, renderProcessorRunSummary } from "./render-processor-run.ts";
import { renderWorkflowRun, renderWorkflowRunSummary } from "./render-workflow-run.ts";

const withOverrides = (run: RunRecord, body: object): Record<string, unknown> =>
  run.overrides ? { ...body, ...run.overrides } : (body as Record<string, unknown>);

/** The full object of a run, as get, create, cancel and update return it. */
export function renderRun(run: RunRecord, ctx: RenderContext): Record<string, unknown> {
  switch (run.kind) {
    case "workflowRuns":
      return withOverrides(run, renderWorkflowRun(run, ctx));
    case "extractRuns":
    case "classifyRuns":
    case "splitRuns":
      return withOverrides(run, renderProcessorRun(run));
    case "parseRuns":
      return withOverrides(run, renderParseRun(run, ctx));
    case "editRuns":
      return withOverrides(run, renderEditRun(run));
    case "formDetectionRuns":
      return withOverrides(run, renderFormDetectionRun(run));
    case "batchRuns":
      return withOverrides(run, renderBatchRun(run, ctx));
    case "evaluationSetRuns":
      return withOverrides(run, renderEvaluationSetRun(run));
    case "batchProcessorRuns":
      return withOverrides(run, renderBatchProcessorRun(run));
  }
}

/** The list item of a run (kinds with a list endpoint). */
export function renderRunSummary(run: RunRecord): Record<string, unknown> {
  switch (run.kind) {
    case "workflowRuns":
      return withOverrides(run, renderWorkflowRunSummary(run));
    case "parseRuns":
      return withOverrides(run, renderParseRunSummary(run));
    default:
      return withOverrides(run, renderProcessorRunSummary(run));
  }
}

export { withOverrides };
