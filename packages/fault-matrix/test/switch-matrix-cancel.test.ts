import { NotCancellableError } from "@extendkit/core";
import type { RunKind } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { setupSwitchCase } from "../src/setup-switch-case.ts";
import {
  expectUntouched,
  failOnUnhandled,
  LISTABLE,
  type Run,
  rejection,
  resolved,
  SEEDS,
  SUBJECTS,
  seedRun,
  sorted,
  statusOf,
} from "../src/switch-matrix-kit.ts";

// The switch matrix (rationale and helpers: src/switch-matrix-kit.ts). This file: the cancel
// questions (Q1–Q3).

failOnUnhandled();

// ---------------------------------------------------------------------------------------------
// Q1 — the refusal of a cancel: its status and code.

describe.each([
  { status: 400, code: "INVALID_REQUEST" },
  { status: 409, code: "RUN_NOT_CANCELLABLE" },
  { status: 422, code: "INVALID_STATE" },
] as const)("cancelNotAllowed: $status $code", (setting) => {
  const switches = { cancelNotAllowed: setting };
  const finished = (kind: RunKind) =>
    kind === "workflowRuns"
      ? ["PROCESSED", "FAILED", "CANCELLED", "NEEDS_REVIEW", "REJECTED"]
      : ["PROCESSED", "FAILED", "CANCELLED"];

  it.each(SEEDS)(
    "seed %i: a cancel of a finished run is a NotCancellableError with the refusal's status and code, sent once, the run untouched",
    async (seed) => {
      const c = setupSwitchCase(switches, seed);
      for (const subject of SUBJECTS) {
        for (const kind of LISTABLE) {
          for (const status of finished(kind)) {
            const where = `${subject} ${kind} ${status}`;
            const id = seedRun(c, kind, status);
            const error = rejection(await c.call(subject, "cancel", id), where);
            expect(error, where).toBeInstanceOf(NotCancellableError);
            expect([error.status, error.code, error.retryable], where).toEqual([
              setting.status,
              setting.code,
              false,
            ]);
            expect(c.answers(id), where).toEqual([setting.status]);
            expectUntouched(c, id, status, where);
          }
        }
      }
    },
  );

  it.each(SEEDS)(
    "seed %i: refused after a retried attempt, the cancel reads the run: NotCancellableError with its status (an already CANCELLED run resolves, untouched)",
    async (seed) => {
      const c = setupSwitchCase(switches, seed);
      const unavailable = { type: "error", status: 503, code: "UNAVAILABLE", retryable: true };
      for (const subject of SUBJECTS) {
        for (const kind of LISTABLE) {
          for (const status of finished(kind)) {
            const where = `${subject} ${kind} ${status}`;
            const id = seedRun(c, kind, status);
            c.emulator.addFault({ routes: "*.cancel", fault: unavailable as never, count: 1 });
            const r = await c.call(subject, "cancel", id);
            if (status === "CANCELLED") expect(resolved(r, where).status, where).toBe("CANCELLED");
            else {
              const error = rejection(r, where);
              expect(error, where).toBeInstanceOf(NotCancellableError);
              expect(error.runStatus, where).toBe(status);
            }
            expect(c.answers(id), where).toEqual([503, setting.status, 200]);
            expectUntouched(c, id, status, where);
          }
        }
      }
    },
  );

  it.each(SEEDS)(
    "seed %i: cancelMany reports every finished run alreadyTerminal with its status",
    async (seed) => {
      const c = setupSwitchCase(switches, seed);
      const expected = LISTABLE.flatMap((kind) =>
        finished(kind).map((status) => ({ id: seedRun(c, kind, status), status })),
      );
      const report = resolved<{ alreadyTerminal: { id: string; status: string }[] }>(
        await c.settle(c.client.runs.cancelMany(expected.map((r) => r.id))),
        "cancelMany",
      );
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
      expect(report.alreadyTerminal.sort(byId)).toEqual(expected.sort(byId));
      for (const { id, status } of expected) expectUntouched(c, id, status, id);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Q2 — CANCELLING, and whether PENDING runs can be cancelled.

describe.each(["workflow", "all", "none"] as const)("cancelling: %s", (setting) => {
  const shows = (kind: RunKind) =>
    setting === "all" || (setting === "workflow" && kind === "workflowRuns")
      ? "CANCELLING"
      : "CANCELLED";

  it.each(SEEDS)(
    "seed %i: a cancel of a PROCESSING run resolves to it CANCELLING or CANCELLED as the API shows it, once; a repeat resolves while CANCELLING, else is NotCancellableError; waitFor reads CANCELLED",
    async (seed) => {
      const c = setupSwitchCase({ cancelling: setting }, seed);
      for (const subject of SUBJECTS) {
        for (const kind of LISTABLE) {
          const where = `${subject} ${kind}`;
          const id = seedRun(c, kind, "PROCESSING");
          const run = resolved(await c.call(subject, "cancel", id), where);
          expect(run.status, where).toBe(shows(kind));
          const again = await c.call(subject, "cancel", id);
          if (shows(kind) === "CANCELLING")
            expect(resolved(again, where).status, where).toBe("CANCELLING");
          else expect(rejection(again, where), where).toBeInstanceOf(NotCancellableError);
          expect(c.emulator.records.effects(id).cancelled, where).toBe(1);
          const done = resolved(await c.settle(c.client.runs.waitFor(id)), where);
          expect(done.status, where).toBe("CANCELLED");
        }
      }
    },
  );

  it.each(SEEDS)(
    "seed %i: a cancel whose answer was lost reads the run and resolves; it is never sent twice",
    async (seed) => {
      const c = setupSwitchCase({ cancelling: setting }, seed);
      for (const subject of SUBJECTS) {
        for (const kind of LISTABLE) {
          const where = `${subject} ${kind}`;
          const id = seedRun(c, kind, "PROCESSING");
          c.emulator.addFault({
            routes: "*.cancel",
            fault: { type: "resetAfterCommit" },
            count: 1,
          });
          const run = resolved(await c.call(subject, "cancel", id), where);
          expect(run.status, where).toBe(shows(kind));
          expect(c.answers(id), where).toEqual([null, 200]);
          expect(c.emulator.records.effects(id).cancelled, where).toBe(1);
        }
      }
    },
  );

  it.each(SEEDS)("seed %i: cancelMany reports every run cancelled, once", async (seed) => {
    const c = setupSwitchCase({ cancelling: setting }, seed);
    const ids = LISTABLE.map((kind) => seedRun(c, kind, "PROCESSING"));
    const report = resolved<{ cancelled: string[] }>(
      await c.settle(c.client.runs.cancelMany(ids)),
      "cancelMany",
    );
    expect(sorted(report.cancelled)).toEqual(sorted(ids));
    for (const id of ids) expect(c.emulator.records.effects(id).cancelled, id).toBe(1);
  });
});

describe.each([false, true])("cancelPending: %s", (setting) => {
  const allowed = (kind: RunKind) => setting || kind === "workflowRuns";

  it.each(SEEDS)(
    "seed %i: a cancel of a PENDING run resolves and cancels it where the API allows it; elsewhere it is NotCancellableError, sent once, the run untouched",
    async (seed) => {
      const c = setupSwitchCase({ cancelPending: setting }, seed);
      for (const subject of SUBJECTS) {
        for (const kind of LISTABLE) {
          const where = `${subject} ${kind}`;
          const id = seedRun(c, kind, "PENDING");
          const r = await c.call(subject, "cancel", id);
          if (allowed(kind)) {
            expect(["CANCELLING", "CANCELLED"], where).toContain(resolved(r, where).status);
            expect(c.emulator.records.effects(id).cancelled, where).toBe(1);
          } else {
            expect(rejection(r, where), where).toBeInstanceOf(NotCancellableError);
            expect(c.answers(id), where).toEqual([400]);
            expectUntouched(c, id, "PENDING", where);
          }
        }
      }
    },
  );

  it.each(SEEDS)(
    "seed %i: cancelMany cancels the PENDING runs the API allows and fails the others, not retryable",
    async (seed) => {
      const c = setupSwitchCase({ cancelPending: setting }, seed);
      const ids = LISTABLE.map((kind) => seedRun(c, kind, "PENDING"));
      const report = resolved<{
        cancelled: string[];
        failed: { id: string; retryable: boolean }[];
      }>(await c.settle(c.client.runs.cancelMany(ids)), "cancelMany");
      const ok = LISTABLE.flatMap((kind, i) => (allowed(kind) ? [ids[i] as string] : []));
      expect(sorted(report.cancelled)).toEqual(sorted(ok));
      expect(sorted(report.failed.map((f) => f.id))).toEqual(
        sorted(ids.filter((id) => !ok.includes(id))),
      );
      expect(report.failed.every((f) => !f.retryable)).toBe(true);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Q3 — what a cancelled parse run reports, or whether parse cancel is refused.

describe.each(["CANCELLED", "FAILED", "reject"] as const)("parseCancel: %s", (setting) => {
  // Setting FAILED: our cancel ends the parse run FAILED with failureReason ABORTED. Every client
  // counts that as a cancel that took effect (core cancelStatusOf): found by this matrix, when a
  // lost answer's reconciling read, and cancelMany, reported it NotCancellableError/alreadyTerminal.

  it.each(SEEDS)(
    "seed %i: a cancel of a PROCESSING parse run resolves iff it took effect (the run then reads as the API ends it); a refusal is NotCancellableError, the run still PROCESSING",
    async (seed) => {
      const c = setupSwitchCase({ parseCancel: setting }, seed);
      for (const subject of SUBJECTS) {
        const id = seedRun(c, "parseRuns", "PROCESSING");
        const r = await c.call(subject, "cancel", id);
        if (setting === "reject") {
          expect(rejection(r, subject), subject).toBeInstanceOf(NotCancellableError);
          expectUntouched(c, id, "PROCESSING", subject);
        } else {
          expect(resolved(r, subject).status, subject).toBe(setting);
          expect(statusOf(c, id), subject).toBe(setting);
          expect(c.emulator.records.effects(id).cancelled, subject).toBe(1);
        }
      }
    },
  );

  it.each(SEEDS)(
    "seed %i: a cancel whose answer was lost resolves when it took effect, and is never reported NotCancellableError then",
    async (seed) => {
      const c = setupSwitchCase({ parseCancel: setting }, seed);
      const outcomes: string[] = [];
      for (const subject of SUBJECTS) {
        const id = seedRun(c, "parseRuns", "PROCESSING");
        c.emulator.addFault({ routes: "*.cancel", fault: { type: "resetAfterCommit" }, count: 1 });
        const r = await c.call(subject, "cancel", id);
        const tookEffect = c.emulator.records.effects(id).cancelled === 1;
        const got = r.ok ? `resolved ${(r.value as Run).status}` : (r.error as Error).name;
        outcomes.push(`${subject}: took effect ${tookEffect}, ${got}`);
      }
      const expected =
        setting === "reject"
          ? "took effect false, NotCancellableError"
          : `took effect true, resolved ${setting}`;
      expect(outcomes).toEqual(SUBJECTS.map((subject) => `${subject}: ${expected}`));
    },
  );

  it.each(SEEDS)(
    "seed %i: cancelMany counts a parse run its cancel ended as cancelled; a refused one failed, not retryable",
    async (seed) => {
      const c = setupSwitchCase({ parseCancel: setting }, seed);
      const ids = [seedRun(c, "parseRuns", "PROCESSING"), seedRun(c, "parseRuns", "PROCESSING")];
      const report = resolved<{ cancelled: string[]; failed: { retryable: boolean }[] }>(
        await c.settle(c.client.runs.cancelMany(ids)),
        "cancelMany",
      );
      if (setting === "reject") {
        expect(report.failed.map((f) => f.retryable)).toEqual([false, false]);
      } else expect(sorted(report.cancelled)).toEqual(sorted(ids));
    },
  );
});
