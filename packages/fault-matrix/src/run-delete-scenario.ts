import type { DeleteManyReport } from "@extendkit/core";
import type { createEmulator, FaultScenarioId } from "@extendkit/emulator";
import type { ClientView } from "./client-view.ts";
import { seedTargets } from "./seed-targets.ts";
import { setupEmulatedClient } from "./setup-emulated-client.ts";

/** Everything a delete scenario run observed, for the invariant checks. */
export interface DeleteScenarioResult {
  scenario: FaultScenarioId;
  seed: number;
  targets: string[];
  bystanders: string[];
  /** The merged report of the job and its resumptions (after a long Retry-After stop). */
  report: DeleteManyReport;
  /** Jobs run: 1, plus one per resumption. */
  jobs: number;
  /** Per-ID outcome, for the determinism check (I10). */
  outcomes: Map<string, string>;
  emulator: ReturnType<typeof createEmulator>;
  view: ClientView;
  /** Virtual seconds the whole thing took. */
  virtualSeconds: number;
  /** With `abortAt`: the virtual time the job's signal was aborted, if it fired before the end. */
  abortedAt?: number;
}

/**
 * Resumptions allowed per scenario run, as the CLI would resume from its checkpoint: F06 stops a
 * job on ~5% of answers (Retry-After: 3600), so the number grows with the runs (~50 at 1,000).
 */
const maxResumes = (n: number) => Math.max(200, n);

/**
 * Seeds `n` runs of every deletable kind (plus bystanders), installs `scenario`, and deletes the
 * targets with `client.runs.deleteMany` on one shared virtual clock. A job stopped by a Retry-After
 * longer than `maxRetryAfter` is resumed at the advised time with the IDs it did not attempt, as
 * the CLI does from its checkpoint. Discovery by listing (F18) is `purgeScenario`'s job, not this.
 *
 * `abortAt` (virtual ms from the start) aborts the jobs' one signal then, wherever they are: in a
 * request, a retry wait, a pause, or between a stop and its resumption (I9). `abortAfter` aborts it
 * when that many IDs have settled instead, for scenarios whose whole run takes no virtual time.
 */
export async function runDeleteScenario(
  scenario: FaultScenarioId,
  seed: number,
  n: number,
  options: { abortAt?: number; abortAfter?: number } = {},
): Promise<DeleteScenarioResult> {
  const { emulator, time, view, client } = setupEmulatedClient({ seed });
  const { targets, bystanders } = seedTargets(emulator, n);
  emulator.installScenario(scenario);
  const started = time.clock.now();
  const outcomes = new Map<string, string>();
  const controller = new AbortController();
  let abortedAt: number | undefined;
  const abort = () => {
    if (abortedAt !== undefined) return;
    abortedAt = time.clock.now();
    controller.abort(new Error("aborted at a random moment"));
  };
  const timer =
    options.abortAt === undefined ? undefined : time.clock.setTimeout(abort, options.abortAt);
  let settled = 0;
  let source: string[] = targets;
  let report: DeleteManyReport | undefined;
  let jobs = 0;
  for (; jobs < maxResumes(n); ) {
    jobs++;
    const part = await time.drive(
      client.runs.deleteMany(source, {
        signal: controller.signal,
        onProgress: (p) => {
          outcomes.set(p.id, p.outcome);
          if (++settled === options.abortAfter) abort();
        },
      }),
    );
    report = report === undefined ? part : merge(report, part);
    if (part.stopped?.reason !== "rate-limited" || part.notAttempted.length === 0) break;
    await time.drive(emulator.clock.advance(part.stopped.resumeAt - time.clock.now()));
    source = part.notAttempted;
  }
  if (timer !== undefined) time.clock.clearTimeout(timer);
  return {
    abortedAt,
    scenario,
    seed,
    targets,
    bystanders,
    report: report as DeleteManyReport,
    jobs,
    outcomes,
    emulator,
    view,
    virtualSeconds: (time.clock.now() - started) / 1000,
  };
}

/** `later` continues `earlier` on the IDs `earlier` did not attempt. */
function merge(earlier: DeleteManyReport, later: DeleteManyReport): DeleteManyReport {
  const notAttempted = later.notAttempted;
  const deleted = [...earlier.deleted, ...later.deleted];
  const alreadyAbsent = [...earlier.alreadyAbsent, ...later.alreadyAbsent];
  const notFound = [...earlier.notFound, ...later.notFound];
  const failed = [...earlier.failed, ...later.failed];
  return {
    ...later,
    deleted,
    alreadyAbsent,
    notFound,
    failed,
    notAttempted,
    total: earlier.total,
    duplicates: earlier.duplicates + later.duplicates,
    requests: earlier.requests + later.requests,
    counts: {
      total: earlier.total,
      deleted: deleted.length,
      alreadyAbsent: alreadyAbsent.length,
      notFound: notFound.length,
      failed: failed.length,
      notAttempted: notAttempted.length,
    },
    ok: failed.length === 0 && notAttempted.length === 0 && later.sourceExhausted,
  };
}
