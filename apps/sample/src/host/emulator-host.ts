import {
  createEmulator,
  EMULATOR_API_KEY,
  EMULATOR_WORKSPACE_ID,
  type Emulator,
} from "@extendkit/emulator";
import type { SampleInputs } from "../sample-inputs.ts";

/** An emulator for the sample, with the credentials and inputs that go with it. */
export interface SampleEmulator {
  emulator: Emulator;
  apiKey: string;
  workspaceId: string;
  inputs: SampleInputs;
}

/**
 * Run durations on the real clock (served emulators): long enough that a cancel sent right after
 * the create finds the run still PROCESSING even on a loaded machine (a page's requests queue
 * behind Chromium's six connections per host), short enough that `--runtime all` stays quick.
 */
const REAL_DURATIONS = { pendingMs: 500, processingMs: 3000, cancellingMs: 300 };

/**
 * Creates the emulator (default credentials, strict response validation, no faults, no rate
 * limits) and the inputs the sample needs from it: any workflow, evaluation set or processor id
 * is accepted, and the two legacy batch processor runs, which the API cannot create, are seeded.
 */
export function startEmulator(clock: "virtual" | "real"): SampleEmulator {
  const emulator = createEmulator({
    clock,
    ...(clock === "real" && { durations: REAL_DURATIONS }),
  });
  const seed = () =>
    String(emulator.seedRun({ kind: "batchProcessorRuns", status: "PROCESSING" }).id);
  return {
    emulator,
    apiKey: EMULATOR_API_KEY,
    workspaceId: EMULATOR_WORKSPACE_ID,
    inputs: {
      fileUrl: "https://example.com/sample.pdf",
      workflowId: "workflow_sample",
      evaluationSetId: "ev_sample",
      evaluationEntityId: "ex_sample",
      processorId: "ex_sample",
      batchProcessorRunIds: [seed(), seed()],
    },
  };
}
