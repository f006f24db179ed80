import type { EmulatorState } from "./emulator-state.ts";
import { createRunRecord } from "./handlers/create-run-record.ts";
import { fileFromInput } from "./handlers/file-from-input.ts";
import { makeId } from "./make-id.ts";
import { renderRun } from "./render/render-run.ts";
import type { RunKind } from "./run-kinds.ts";
import { isTerminal } from "./run-kinds.ts";
import type { SeedRunInput } from "./seed-run-input.ts";
import { enterStatus } from "./settle-run.ts";

const MEMBER_KIND: Partial<Record<RunKind, RunKind>> = {
  batchRuns: "extractRuns",
  batchProcessorRuns: "extractRuns",
};

const time = (t: number | string | undefined, fallback: number) =>
  t === undefined ? fallback : typeof t === "number" ? t : Date.parse(t);

/** Stores a run as `input` describes and returns it as `GET` would show it. */
export function seedRun(state: EmulatorState, input: SeedRunInput): Record<string, unknown> {
  const first = state.keys[0];
  const workspaceId =
    input.workspaceId ??
    (first ? (first.scope === "workspace" ? first.workspaceId : first.workspaceIds[0]) : undefined);
  if (!workspaceId) throw new Error("seedRun: give workspaceId (no key names a default workspace)");
  const now = state.clock.now();
  const status = input.status ?? "PROCESSED";
  const moving = !isTerminal(status);
  const memberKind = MEMBER_KIND[input.kind];
  const members = memberKind
    ? Array.from(
        { length: input.memberCount ?? 0 },
        () =>
          createRunRecord(state, { kind: memberKind, workspaceId, start: "done", seeded: true }).id,
      )
    : [];
  const run = createRunRecord(state, {
    kind: input.kind,
    workspaceId,
    ...(input.id ? { id: input.id } : {}),
    seeded: true,
    start: status === "PENDING" ? "PENDING" : "PROCESSING",
    metadata: input.metadata ?? null,
    processorId: input.processorId ?? null,
    processorVersion: input.processorVersion ?? null,
    file: fileFromInput(
      { name: input.fileName ?? "seeded.pdf", id: makeId("file_", state.rng.ids) },
      state.rng.ids,
      now,
    ),
    batchId: input.batchId ?? null,
    source: input.source ?? "API",
    sourceId: input.sourceId ?? null,
    evaluationSetId:
      input.evaluationSetId ?? (input.kind === "evaluationSetRuns" ? "ev_emulator" : null),
    members,
    memberKind: memberKind ?? null,
    ...(input.outcome ? { outcome: input.outcome } : {}),
  });
  if (input.kind === "batchRuns") run.phases = [];
  if (!moving) {
    run.phases = [];
    enterStatus(run, status, now);
  }
  run.createdAt = time(input.createdAt, now);
  run.updatedAt = time(input.updatedAt, run.createdAt);
  if (!moving) {
    run.startedAt = run.createdAt;
    run.endedAt = run.updatedAt;
  }
  if (input.overrides) run.overrides = input.overrides;
  return renderRun(run, { now, store: state.store });
}
