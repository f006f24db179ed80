import type { EmulatorState } from "../emulator-state.ts";
import { makeId } from "../make-id.ts";
import { planStepRuns } from "../plan-step-runs.ts";
import { RUN_KINDS, type RunKind } from "../run-kinds.ts";
import type { Phase, RunRecord } from "../run-record.ts";
import { enterStatus } from "../settle-run.ts";

/** Metadata key that picks a run's outcome from a client (emulator only; see README). */
export const OUTCOME_KEY = "emulator:outcome";

export interface NewRun {
  kind: RunKind;
  workspaceId: string;
  /** `PROCESSING` for async creates, `PENDING` for batch members, `done` for sync calls. */
  start: "PENDING" | "PROCESSING" | "done";
  id?: string;
  metadata?: Record<string, unknown> | null;
  processorId?: string | null;
  processorVersion?: string | null;
  file?: RunRecord["file"];
  files?: RunRecord["files"];
  config?: Record<string, unknown>;
  batchId?: string | null;
  source?: string;
  sourceId?: string | null;
  evaluationSetId?: string | null;
  members?: string[];
  memberKind?: RunKind | null;
  /** Put there by `seedRun`, not by a client: counts no `created` effect. */
  seeded?: boolean;
  /** Final status; default: the metadata key `emulator:outcome`, else `outcomes[kind]`, else PROCESSED. */
  outcome?: string;
}

function outcomeOf(state: EmulatorState, run: NewRun): string {
  const fromMetadata = run.metadata?.[OUTCOME_KEY];
  if (typeof fromMetadata === "string" && fromMetadata.length > 0) return fromMetadata;
  return run.outcome ?? state.outcomes[run.kind] ?? "PROCESSED";
}

/** Builds a run, schedules its statuses on the emulator clock, and stores it. */
export function createRunRecord(state: EmulatorState, init: NewRun): RunRecord {
  const now = state.clock.now();
  const { pendingMs, processingMs } = state.durations;
  const outcome = outcomeOf(state, init);
  const phases: Phase[] =
    init.start === "PENDING"
      ? [
          { status: "PROCESSING", at: now + pendingMs },
          { status: outcome, at: now + pendingMs + processingMs },
        ]
      : init.start === "PROCESSING"
        ? [{ status: outcome, at: now + processingMs }]
        : [];
  const run: RunRecord = {
    kind: init.kind,
    id: init.id ?? makeId(RUN_KINDS[init.kind].prefix, state.rng.ids),
    workspaceId: init.workspaceId,
    status: init.start === "done" ? "PROCESSING" : init.start,
    phases,
    createdAt: now,
    updatedAt: now,
    startedAt: init.start === "PROCESSING" || init.start === "done" ? now : null,
    endedAt: null,
    cancelledAt: null,
    metadata: init.metadata ?? null,
    name: null,
    batchId: init.batchId ?? null,
    processorId: init.processorId ?? null,
    processorVersion: init.processorVersion ?? null,
    source: init.source ?? "API",
    sourceId: init.sourceId ?? null,
    file: init.file ?? null,
    files: init.files ?? null,
    config: init.config ?? {},
    failureReason: null,
    failureMessage: null,
    members: init.members ?? [],
    memberKind: init.memberKind ?? null,
    stepRuns: init.kind === "workflowRuns" ? planStepRuns(state.rng.stepRuns) : [],
    evaluationSetId: init.evaluationSetId ?? null,
    overrides: null,
  };
  if (init.start === "done") enterStatus(run, outcome, now);
  state.store.add(run);
  if (!init.seeded) state.records.effect(run.id, "created");
  return run;
}
