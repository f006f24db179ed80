import type { StepRun } from "@extendkit/core";
import type { FinishedStepRun } from "../finished-step-runs.ts";
import type { RunKind } from "../run-kinds.ts";
import type { RunRecord, StepRunRecord } from "../run-record.ts";
import { type RenderContext, stableSuffix } from "./render-context.ts";
import { renderFile } from "./render-file.ts";
import { renderParseRun } from "./render-parse-run.ts";
import { renderProcessorRun } from "./render-processor-run.ts";

/**
 * The run a finished step made, as its own object would show it: PROCESSED, started and ended with
 * the workflow run, source `WORKFLOW_RUN` (REFERENCE §7). It exists only inside `result`: the
 * emulator does not store it, so `GET /parse_runs/{id}` of its id is 404 and lists omit it.
 */
function resultRun(run: RunRecord, kind: RunKind, id: string): RunRecord {
  const start = run.startedAt ?? run.createdAt;
  const end = run.endedAt ?? start;
  return {
    kind,
    id,
    workspaceId: run.workspaceId,
    status: "PROCESSED",
    phases: [],
    createdAt: start,
    updatedAt: end,
    startedAt: start,
    endedAt: end,
    cancelledAt: null,
    metadata: null,
    name: null,
    batchId: null,
    processorId: null,
    processorVersion: null,
    source: "WORKFLOW_RUN",
    sourceId: run.id,
    file: run.file,
    files: null,
    config: kind === "parseRuns" ? { target: "markdown" } : {},
    failureReason: null,
    failureMessage: null,
    members: [],
    memberKind: null,
    stepRuns: [],
    evaluationSetId: null,
    overrides: null,
  };
}

/** `result` of a PROCESSED step (REFERENCE §3.1): `{ parseRun }` or `{ extractRun }`. */
function stepResult(run: RunRecord, step: StepRunRecord, ctx: RenderContext) {
  // A workflow run's GET takes no `responseType`: nested parse runs show their output inline.
  const plain: RenderContext = { now: ctx.now, store: ctx.store };
  if (step.type === "PARSE")
    return { parseRun: renderParseRun(resultRun(run, "parseRuns", step.resultRunId), plain) };
  const parse = run.stepRuns.find((s) => s.type === "PARSE");
  return {
    extractRun: {
      ...renderProcessorRun(resultRun(run, "extractRuns", step.resultRunId)),
      parseRunId: parse?.resultRunId ?? null,
    },
  };
}

/**
 * A finished step run of workflow run `run` (`StepRun`, REFERENCE §3.1), as the run's `stepRuns`
 * and the `workflow_run.step_run.processed` event show it. `result` is null unless PROCESSED.
 */
export function renderStepRun(
  run: RunRecord,
  { step, status }: FinishedStepRun,
  ctx: RenderContext,
): StepRun {
  // The step belongs to the workflow version, not the run: the same id in every run of it.
  const workflow = `${run.processorId ?? "workflow_unknown"}@${run.processorVersion ?? "latest"}`;
  return {
    object: "workflow_step_run",
    id: step.id,
    workflowRunId: run.id,
    status,
    stepType: step.type,
    step: {
      object: "workflow_step",
      id: `step_${stableSuffix(`${workflow}#${step.type}`)}`,
      name: step.name,
      type: step.type,
    },
    files: run.file ? [renderFile(run.file)] : [],
    result: status === "PROCESSED" ? stepResult(run, step, ctx) : null,
  };
}
