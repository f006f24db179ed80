import { RateLimitError } from "@extendkit/core";
import type { RunKind, Switches } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { DELETABLE_KINDS } from "../src/seed-targets.ts";
import { setupSwitchCase } from "../src/setup-switch-case.ts";
import {
  create,
  expectTookEffect,
  expectUntouched,
  type Failure,
  failOnUnhandled,
  LISTABLE,
  listAll,
  type Run,
  rejection,
  resolved,
  runFor,
  SEEDS,
  SUBJECTS,
  seedRun,
  sorted,
  VERBS,
} from "../src/switch-matrix-kit.ts";

// The switch matrix (rationale and helpers: src/switch-matrix-kit.ts). This file: rate-limit
// answers (Q5).

failOnUnhandled();

// ---------------------------------------------------------------------------------------------
// Q5 — rate-limit answers: Retry-After's form, the X-RateLimit-* headers, the 429 body.

const RATE_SETTINGS = (["seconds", "http-date", "none"] as const).flatMap((retryAfter) =>
  (["error", "legacy"] as const).flatMap((rateLimitBody) =>
    [false, true].map((rateLimitHeaders) => ({ retryAfter, rateLimitBody, rateLimitHeaders })),
  ),
);

describe.each(RATE_SETTINGS)(
  "retryAfter: $retryAfter, rateLimitBody: $rateLimitBody, rateLimitHeaders: $rateLimitHeaders",
  (setting) => {
    const switches: Partial<Switches> = setting;
    const advised = setting.retryAfter !== "none";

    it.each(SEEDS)(
      "seed %i: at one request per second, every retrieve, cancel, delete and list page is retried after the advised wait (or a backoff) and resolves; nothing is sent early",
      async (seed) => {
        const c = setupSwitchCase(switches, seed, {
          emulator: { rateLimits: { get: 1, write: 1, run: 1 } },
          client: { maxRetries: 8 },
        });
        for (const subject of SUBJECTS) {
          for (const verb of VERBS) {
            const kinds = LISTABLE.slice(0, 2);
            const ids = kinds.map((kind) => seedRun(c, kind, runFor(verb)));
            const where = `${subject} ${verb}`;
            const both = await c.settle(
              Promise.allSettled(ids.map((id) => c.send(subject, verb, id))),
            );
            const answers = resolved<PromiseSettledResult<unknown>[]>(both, where);
            answers.forEach((a, i) => {
              const id = ids[i] as string;
              if (a.status === "rejected") throw new Error(`${where} ${id}: ${String(a.reason)}`);
              expectTookEffect(c, verb, id, a.value, where);
            });
            expect(
              ids.flatMap((id) => c.answers(id)),
              where,
            ).toContain(429);
          }
        }
        // Pages of one over every extract run so far (the ones above that still exist, too).
        const listed = await listAll(c, "extractRuns", { maxPageSize: 1 });
        expect(sorted(listed.ids)).toEqual(sorted(c.emulator.runIds({ kind: "extractRuns" })));
        expect(listed.requests).toBeGreaterThan(1);
        // Core's parseRetryAfter read the advice, in seconds or as an HTTP date, on every 429.
        expect(c.view.advisedRefusals > 0).toBe(advised);
        expect(c.view.retryAfterViolations).toBe(0);
        // The emulator also counts a request that crossed a refusal on the wire (sent with it, two
        // calls at a time), which no client can avoid: at most K − 1 = 1 per refusal (I5).
        expect(c.emulator.records.retryAfterViolations).toBeLessThanOrEqual(c.view.advisedRefusals);
      },
    );

    it.each(SEEDS)(
      "seed %i: a refused create is retried only when the 429 says retryable (or the call has an idempotency key); otherwise RateLimitError, nothing created",
      async (seed) => {
        const c = setupSwitchCase(switches, seed, {
          emulator: { rateLimits: { run: 1 } },
          client: { maxRetries: 8 },
        });
        for (const keyed of [false, true]) {
          const before = c.emulator.runIds({ kind: "extractRuns" }).length;
          const options = (i: number) => (keyed ? { idempotencyKey: `k-${seed}-${i}` } : undefined);
          const made = resolved<PromiseSettledResult<Run>[]>(
            await c.settle(
              Promise.allSettled([0, 1].map((i) => create(c, "extractRuns", options(i)))),
            ),
            `create, keyed ${keyed}`,
          );
          const created = c.emulator.runIds({ kind: "extractRuns" }).length - before;
          const refused = made.filter((m) => m.status === "rejected");
          if (keyed || setting.rateLimitBody === "error") {
            expect(refused, `keyed ${keyed}`).toEqual([]);
            expect(created, `keyed ${keyed}`).toBe(2);
          } else {
            expect(refused).toHaveLength(1);
            const error = (refused[0] as PromiseRejectedResult).reason as Failure;
            expect(error).toBeInstanceOf(RateLimitError);
            expect([error.attempts, error.outcomeUnknown]).toEqual([1, false]);
            expect(error.retryAfterMs === undefined).toBe(!advised);
            expect(created).toBe(1);
          }
        }
      },
    );

    it.each(SEEDS)(
      "seed %i: with the limit's window over maxRetryAfter, every call fails with RateLimitError at once when a wait was advised (retryAfterMs set), after its retries when not; nothing changed",
      async (seed) => {
        const c = setupSwitchCase(switches, seed, {
          emulator: { rateLimits: { get: 1, write: 1, run: 1, windowMs: 120_000 } },
        });
        // Each category's one request of the window.
        await c.call("runs", "retrieve", seedRun(c, "extractRuns"));
        await c.call("runs", "delete", seedRun(c, "extractRuns"));
        await c.settle(create(c, "extractRuns"));
        const expectRefused = (error: Failure, where: string, retried = !advised) => {
          expect(error, where).toBeInstanceOf(RateLimitError);
          expect(error.attempts, where).toBe(retried ? 3 : 1);
          expect(error.outcomeUnknown, where).toBe(false);
          if (advised) expect(error.retryAfterMs, where).toBeGreaterThan(60_000);
          else expect(error.retryAfterMs, where).toBeUndefined();
        };
        for (const subject of SUBJECTS) {
          for (const verb of VERBS) {
            const where = `${subject} ${verb}`;
            const id = seedRun(c, "classifyRuns", runFor(verb));
            expectRefused(rejection(await c.call(subject, verb, id), where), where);
            expectUntouched(c, id, runFor(verb), where);
          }
        }
        const retried = !advised && setting.rateLimitBody === "error";
        expectRefused(
          rejection(await c.settle(create(c, "splitRuns")), "create"),
          "create",
          retried,
        );
        expect(c.emulator.runIds({ kind: "splitRuns" })).toEqual([]);
        expect(c.view.retryAfterViolations).toBe(0);
      },
    );

    it.each(SEEDS)(
      "seed %i: deleteMany at 3 deletes per second deletes every run once, nothing sent early",
      async (seed) => {
        const c = setupSwitchCase(switches, seed, { emulator: { rateLimits: { write: 3 } } });
        const ids = Array.from({ length: 24 }, (_, i) =>
          seedRun(c, DELETABLE_KINDS[i % 6] as RunKind),
        );
        const report = resolved<{ deleted: string[]; ok: boolean }>(
          await c.settle(c.client.runs.deleteMany(ids)),
          "deleteMany",
        );
        expect(report.ok).toBe(true);
        expect(sorted(report.deleted)).toEqual(sorted(ids));
        for (const id of ids) expect(c.emulator.records.effects(id).deleted, id).toBe(1);
        expect(c.emulator.records.requests.some((r) => r.status === 429)).toBe(true);
        expect(c.view.retryAfterViolations).toBe(0);
      },
    );
  },
);
