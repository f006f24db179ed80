import {
  apiErrorClassFor,
  BadRequestError,
  CANCEL_REFUSALS,
  ConnectionError,
  isAlreadyDeleted,
  NotCancellableError,
  NotFoundError,
  PermissionDeniedError,
} from "@extendkit/core";
import type { RunKind } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { DELETABLE_KINDS } from "../src/seed-targets.ts";
import { type Settled, setupSwitchCase } from "../src/setup-switch-case.ts";
import {
  create,
  expectEveryCallWorks,
  expectUntouched,
  type Failure,
  failOnUnhandled,
  LISTABLE,
  rejection,
  resolved,
  runFor,
  SEEDS,
  SUBJECTS,
  seedRun,
  sorted,
  VERBS,
} from "../src/switch-matrix-kit.ts";

// The switch matrix (rationale and helpers: src/switch-matrix-kit.ts). This file: versions,
// workspaces, deletes, idempotency, validation (Q5–Q7).

failOnUnhandled();

// ---------------------------------------------------------------------------------------------
// Q6 — the version header, organization keys, another workspace's id.

describe.each(["accept", "reject"] as const)("missingApiVersion: %s", (setting) => {
  it.each(SEEDS)(
    "seed %i: both clients always send x-extend-api-version, so every call works",
    async (seed) => {
      await expectEveryCallWorks(setupSwitchCase({ missingApiVersion: setting }, seed), setting);
    },
  );
});

describe.each([
  { status: 400, code: "INVALID_REQUEST" },
  { status: 401, code: "UNAUTHORIZED" },
  { status: 403, code: "FORBIDDEN" },
] as const)("orgKeyWithoutWorkspace: $status $code", (setting) => {
  const org = { key: "sk_test_org", scope: "organization", workspaceIds: ["ws_a"] } as const;
  const inA = { workspaceId: "ws_a" };
  const setup = (seed: number, workspaceId?: string) =>
    setupSwitchCase({ orgKeyWithoutWorkspace: setting }, seed, {
      emulator: { keys: [org] },
      client: { apiKey: org.key, ...(workspaceId && { workspaceId }) },
    });

  it.each(SEEDS)(
    "seed %i: without workspaceId every call fails with the error class of that status and its code, sent once, nothing changed",
    async (seed) => {
      const c = setup(seed);
      for (const subject of SUBJECTS) {
        for (const verb of VERBS) {
          const where = `${subject} ${verb}`;
          const id = seedRun(c, "extractRuns", runFor(verb), inA);
          const error = rejection(await c.call(subject, verb, id), where);
          // A cancel refused with 400/409/422 is a NotCancellableError whatever the reason; its
          // status and code still tell a workspace problem from a finished run.
          const refusal = verb === "cancel" && CANCEL_REFUSALS.has(setting.status);
          const type = refusal ? NotCancellableError : apiErrorClassFor(setting.status);
          expect(error, where).toBeInstanceOf(type);
          expect([error.status, error.code], where).toEqual([setting.status, setting.code]);
          expect(c.answers(id), where).toEqual([setting.status]);
          expectUntouched(c, id, runFor(verb), where);
        }
      }
      const ids = LISTABLE.map((kind) => seedRun(c, kind, "PROCESSED", inA));
      const report = resolved<{
        failed: { id: string; retryable: boolean }[];
        notAttempted: string[];
        stopped?: { reason: string };
      }>(await c.settle(c.client.runs.deleteMany(ids)), "deleteMany");
      expect(report.stopped?.reason).toBe(setting.status === 401 ? "unauthorized" : undefined);
      expect(report.failed.every((f) => !f.retryable)).toBe(true);
      expect(sorted([...report.failed.map((f) => f.id), ...report.notAttempted])).toEqual(
        sorted(ids),
      );
      for (const id of ids) expectUntouched(c, id, "PROCESSED", id);
    },
  );

  it.each(SEEDS)("seed %i: with workspaceId every call works", async (seed) => {
    await expectEveryCallWorks(setup(seed, "ws_a"), "ws_a", inA);
  });
});

describe.each(["reject", "ignore"] as const)("foreignWorkspaceHeader: %s", (setting) => {
  it.each(SEEDS)(
    "seed %i: a workspace key sent with another workspace's id is PermissionDeniedError (sent once, nothing changed), or ignored",
    async (seed) => {
      const c = setupSwitchCase({ foreignWorkspaceHeader: setting }, seed, {
        client: { workspaceId: "ws_other" },
      });
      if (setting === "ignore") return expectEveryCallWorks(c, setting);
      for (const subject of SUBJECTS) {
        for (const verb of VERBS) {
          const where = `${subject} ${verb}`;
          const id = seedRun(c, "splitRuns", runFor(verb));
          const error = rejection(await c.call(subject, verb, id), where);
          expect(error, where).toBeInstanceOf(PermissionDeniedError);
          expect([error.status, error.code], where).toEqual([403, "FORBIDDEN"]);
          expect(c.answers(id), where).toEqual([403]);
          expectUntouched(c, id, runFor(verb), where);
        }
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Q7 — deleting an unfinished run; reliability Q3 — deleting a deleted run.

describe.each(["allow", "reject"] as const)("deleteNonTerminal: %s", (setting) => {
  const unfinished = (kind: RunKind) =>
    kind === "workflowRuns" || kind === "extractRuns" ? ["PENDING", "PROCESSING"] : ["PROCESSING"];

  it.each(SEEDS)(
    "seed %i: deleting an unfinished run resolves with the run gone, or is a BadRequestError (not retryable, outcome known) with the run intact; finished runs delete either way",
    async (seed) => {
      const c = setupSwitchCase({ deleteNonTerminal: setting }, seed);
      for (const subject of SUBJECTS) {
        for (const kind of DELETABLE_KINDS) {
          for (const status of [...unfinished(kind), "PROCESSED"]) {
            const where = `${subject} ${kind} ${status}`;
            const id = seedRun(c, kind, status);
            const r = await c.call(subject, "delete", id);
            if (setting === "allow" || status === "PROCESSED") {
              expect(isAlreadyDeleted(resolved(r, where)), where).toBe(false);
              expect(c.emulator.getRun(id), where).toBeUndefined();
              expect(c.emulator.records.effects(id).deleted, where).toBe(1);
            } else {
              const error = rejection(r, where);
              expect(error, where).toBeInstanceOf(BadRequestError);
              expect([error.retryable, error.outcomeUnknown], where).toEqual([false, false]);
              expect(c.answers(id), where).toEqual([400]);
              expectUntouched(c, id, status, where);
            }
          }
        }
      }
    },
  );

  it.each(SEEDS)(
    "seed %i: deleteMany of PROCESSING runs deletes them all, or fails each (status 400, not retryable) leaving it intact",
    async (seed) => {
      const c = setupSwitchCase({ deleteNonTerminal: setting }, seed);
      const ids = DELETABLE_KINDS.map((kind) => seedRun(c, kind, "PROCESSING"));
      const report = resolved<{
        deleted: string[];
        failed: { id: string; retryable: boolean; error: Failure }[];
      }>(await c.settle(c.client.runs.deleteMany(ids)), "deleteMany");
      if (setting === "allow") expect(sorted(report.deleted)).toEqual(sorted(ids));
      else {
        expect(sorted(report.failed.map((f) => f.id))).toEqual(sorted(ids));
        for (const f of report.failed) {
          expect([f.retryable, f.error.status], f.id).toEqual([false, 400]);
          expectUntouched(c, f.id, "PROCESSING", f.id);
        }
      }
    },
  );
});

describe.each([404, 200] as const)("repeatDelete: %i", (setting) => {
  it.each(SEEDS)(
    "seed %i: deleting a deleted run is NotFoundError (sent once), or resolves with its id; either way it stays gone, deleted once",
    async (seed) => {
      const c = setupSwitchCase({ repeatDelete: setting }, seed);
      for (const subject of SUBJECTS) {
        for (const kind of DELETABLE_KINDS) {
          const where = `${subject} ${kind}`;
          const id = seedRun(c, kind);
          expect(isAlreadyDeleted(resolved(await c.call(subject, "delete", id), where))).toBe(
            false,
          );
          const again = await c.call(subject, "delete", id);
          if (setting === 404) {
            const error = rejection(again, where);
            expect(error, where).toBeInstanceOf(NotFoundError);
            expect([error.attempts, error.outcomeUnknown], where).toEqual([1, false]);
          } else expect(resolved(again, where), where).toEqual({ id });
          expect(c.answers(id), where).toEqual([200, setting]);
          expect(c.emulator.getRun(id), where).toBeUndefined();
          expect(c.emulator.records.effects(id).deleted, where).toBe(1);
        }
      }
    },
  );

  it.each(SEEDS)(
    "seed %i: a delete whose answer was lost is retried and resolves (isAlreadyDeleted after a 404), the run deleted once",
    async (seed) => {
      const c = setupSwitchCase({ repeatDelete: setting }, seed);
      for (const subject of SUBJECTS) {
        for (const kind of DELETABLE_KINDS) {
          const where = `${subject} ${kind}`;
          const id = seedRun(c, kind);
          c.emulator.addFault({
            routes: "*.delete",
            fault: { type: "resetAfterCommit" },
            count: 1,
          });
          const result = resolved<object>(await c.call(subject, "delete", id), where);
          expect(isAlreadyDeleted(result), where).toBe(setting === 404);
          expect(result, where).toEqual({ id });
          expect(c.answers(id), where).toEqual([null, setting]);
          expect(c.emulator.getRun(id), where).toBeUndefined();
          expect(c.emulator.records.effects(id).deleted, where).toBe(1);
        }
      }
    },
  );

  it.each(SEEDS)(
    "seed %i: deleteMany: a lost answer then the repeat is alreadyAbsent (404) or deleted (200); a second job finds them notFound (404) or deleted again (200, indistinguishable); nothing deleted twice",
    async (seed) => {
      const c = setupSwitchCase({ repeatDelete: setting }, seed);
      const ids = DELETABLE_KINDS.map((kind) => seedRun(c, kind));
      c.emulator.addFault({ routes: "*.delete", fault: { type: "resetAfterCommit" }, count: 6 });
      type Report = { deleted: string[]; alreadyAbsent: string[]; notFound: string[] };
      const first = resolved<Report>(await c.settle(c.client.runs.deleteMany(ids)), "first job");
      expect(sorted(setting === 404 ? first.alreadyAbsent : first.deleted)).toEqual(sorted(ids));
      const second = resolved<Report>(await c.settle(c.client.runs.deleteMany(ids)), "second job");
      expect(sorted(setting === 404 ? second.notFound : second.deleted)).toEqual(sorted(ids));
      for (const id of ids) {
        expect(c.emulator.getRun(id), id).toBeUndefined();
        expect(c.emulator.records.effects(id).deleted, id).toBe(1);
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Reliability Q2 — whether the API honours Idempotency-Key.

describe.each([false, true])("idempotencyKeys: %s", (setting) => {
  const lost = { routes: "*.create", fault: { type: "resetAfterCommit" }, count: 1 } as const;

  it.each(SEEDS)(
    "seed %i: a create whose answer was lost is not replayed without a key: ConnectionError with outcomeUnknown, one run",
    async (seed) => {
      const c = setupSwitchCase({ idempotencyKeys: setting }, seed);
      for (const kind of LISTABLE) {
        c.emulator.addFault(lost);
        const error = rejection(await c.settle(create(c, kind)), kind);
        expect(error, kind).toBeInstanceOf(ConnectionError);
        expect(error.outcomeUnknown, kind).toBe(true);
        expect(c.emulator.runIds({ kind }), kind).toHaveLength(1);
      }
    },
  );

  it.each(SEEDS)(
    "seed %i: with a key (per call, or the client's idempotencyKeys) a lost create is retried and resolves: to the one run when the API honours the key, to a second run when it ignores it",
    async (seed) => {
      for (const perCall of [true, false]) {
        const c = setupSwitchCase({ idempotencyKeys: setting }, seed, {
          client: { idempotencyKeys: !perCall },
        });
        for (const kind of LISTABLE) {
          const where = `${kind}, ${perCall ? "per-call key" : "client keys"}`;
          c.emulator.addFault(lost);
          const options = perCall ? { idempotencyKey: `key-${seed}-${kind}` } : undefined;
          const run = resolved(await c.settle(create(c, kind, options)), where);
          const ids = c.emulator.runIds({ kind });
          // Without the API's help the replay is a new create: the reason the option is opt-in.
          expect(ids, where).toHaveLength(setting ? 1 : 2);
          expect(run.id, where).toBe(setting ? ids[0] : ids[1]);
        }
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Q5 — the status of a request that fails validation.

describe.each([400, 422] as const)("invalidRequestStatus: %i", (setting) => {
  it.each(SEEDS)(
    "seed %i: a request the API finds invalid is that status's error class, sent once, with no effect",
    async (seed) => {
      const c = setupSwitchCase({ invalidRequestStatus: setting }, seed);
      const type = apiErrorClassFor(setting);
      const expectInvalid = (r: Settled, where: string) => {
        const error = rejection(r, where);
        expect(error, where).toBeInstanceOf(type);
        expect([error.status, error.attempts], where).toEqual([setting, 1]);
      };
      const runs = c.emulator.runIds().length;
      const badFile = c.client.extractRuns.create({
        extractor: { id: "ex_abc" },
        file: { url: 42 },
      } as never);
      expectInvalid(await c.settle(badFile), "create with a numeric file url");
      const badStatus = c.client.extractRuns.list({ status: "NOT_A_STATUS" } as never).page();
      expectInvalid(await c.settle(badStatus), "list with an unknown status");
      expect(c.emulator.runIds().length).toBe(runs);
      // The only request of the tiny client the API can find invalid: a bad responseType.
      const id = seedRun(c, "parseRuns");
      const query = { responseType: "xml" } as never;
      expectInvalid(await c.settle(c.client.parseRuns.retrieve(id, query)), "resource retrieve");
      expectInvalid(await c.settle(c.tiny.parseRuns.retrieve(id, query)), "tiny retrieve");
    },
  );
});
