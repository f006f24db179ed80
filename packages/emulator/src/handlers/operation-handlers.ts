import type { RunKind } from "../run-kinds.ts";
import { cancelRun } from "./cancel-run.ts";
import { createBatch } from "./create-batch.ts";
import { createEvaluationSetRun } from "./create-evaluation-set-run.ts";
import { createRun, createSyncRun } from "./create-run.ts";
import { deleteRun } from "./delete-run.ts";
import {
  cancelLegacyProcessorRun,
  createLegacyProcessorRun,
  deleteLegacyProcessorRun,
  getBatchProcessorRun,
  getLegacyProcessorRun,
  listLegacyProcessorRuns,
} from "./legacy-processor-runs.ts";
import { listRuns } from "./list-runs.ts";
import type { Handler } from "./operation-context.ts";
import { retrieveRun } from "./retrieve-run.ts";
import { updateWorkflowRun } from "./update-workflow-run.ts";

const SYNC: Record<string, RunKind> = {
  extract: "extractRuns",
  parse: "parseRuns",
  classify: "classifyRuns",
  split: "splitRuns",
  edit: "editRuns",
  detectForm: "formDetectionRuns",
};

const SPECIAL: Record<string, Handler> = {
  "workflowRuns.update": updateWorkflowRun,
  "evaluationSetRuns.create": createEvaluationSetRun,
  "batchRuns.get": retrieveRun("batchRuns"),
  "processorRun.create": createLegacyProcessorRun,
  "processorRun.get": getLegacyProcessorRun,
  "processorRun.list": listLegacyProcessorRuns,
  "processorRun.cancel": cancelLegacyProcessorRun,
  "processorRun.delete": deleteLegacyProcessorRun,
  "batchProcessorRun.get": getBatchProcessorRun,
};

const BY_METHOD: Record<string, (kind: RunKind) => Handler> = {
  create: createRun,
  createBatch: createBatch,
  retrieve: retrieveRun,
  list: listRuns,
  cancel: cancelRun,
  delete: deleteRun,
};

/** The handler of a spec operation, or undefined when the emulator has none (a test checks all 51). */
export function handlerFor(operationId: string): Handler | undefined {
  if (SPECIAL[operationId]) return SPECIAL[operationId];
  const sync = SYNC[operationId];
  if (sync) return createSyncRun(sync);
  const [resource, method] = operationId.split(".");
  const make = method ? BY_METHOD[method] : undefined;
  return make ? make(resource as RunKind) : undefined;
}
