import { createRng, type RunKind } from "@extendkit/emulator";
import { afterAll, expect } from "vitest";
import { matrixSeeds } from "./matrix-seeds.ts";
import { CANCELLABLE_KINDS } from "./seed-targets.ts";
import type { RunVerb, Settled, Subject, SwitchCase } from "./setup-switch-case.ts";
import { watchProcess } from "./watch-process.ts";

// The shared pieces of the switch matrix (test/switch-matrix-*.test.ts). DESIGN ("The emulator"):
// where the live API's behaviour is unknown it is a switch, and the client's tests must hold under
// each setting. Each test file takes one group of switches and meets every setting (numeric ones at
// their edges) with the client behaviours it can change — through the full client
// (`client.<resource>`, `client.runs`, lists, `find`, `deleteMany`/`cancelMany`) and, for retrieve,
// cancel and delete, `createTinyClient` — asserting what a user of the client relies on.

/** Fails the calling test file if anything it ran left an unhandled rejection or exception. */
export function failOnUnhandled(): void {
  const watcher = watchProcess();
  afterAll(() => {
    expect(watcher.unhandled()).toEqual([]);
    watcher.stop();
  });
}

export const SEEDS = matrixSeeds(process.env.FAULT_MATRIX_SEEDS);
export const SUBJECTS: readonly Subject[] = ["resource", "runs", "tiny"];
export const VERBS: readonly RunVerb[] = ["retrieve", "cancel", "delete"];
/** The five run types with a list and a cancel endpoint. */
export const LISTABLE = CANCELLABLE_KINDS;

/** Error fields the assertions read (core's errors carry those that apply). */
export type Failure = Error & {
  status?: number;
  code?: string;
  attempts?: number;
  outcomeUnknown?: boolean;
  retryAfterMs?: number;
  runStatus?: string;
  retryable?: boolean;
};
export type Run = { id: string; status?: string };

export function rejection(r: Settled, where: string): Failure {
  if (r.ok) throw new Error(`${where}: resolved, expected a failure`);
  return r.error as Failure;
}
export function resolved<T = Run>(r: Settled, where: string): T {
  if (!r.ok) throw new Error(`${where}: failed with ${String(r.error)}`);
  return r.value as T;
}
/** Seeds one run (PENDING and PROCESSING runs stay so for an hour) and returns its id. */
export function seedRun(c: SwitchCase, kind: RunKind, status = "PROCESSED", extra = {}): string {
  return String(c.emulator.seedRun({ kind, status, ...extra }).id);
}
export const statusOf = (c: SwitchCase, id: string) => c.emulator.getRun(id)?.status;
/** The run a verb is tried on: cancel needs a running one. */
export const runFor = (verb: RunVerb) => (verb === "cancel" ? "PROCESSING" : "PROCESSED");
/** What a resolved `verb` must have done to run `id`. */
export function expectTookEffect(
  c: SwitchCase,
  verb: RunVerb,
  id: string,
  value: unknown,
  where: string,
) {
  if (verb === "delete") expect(c.emulator.getRun(id), where).toBeUndefined();
  else expect((value as Run).id, where).toBe(id);
  if (verb === "cancel") expect(c.emulator.records.effects(id).cancelled, where).toBe(1);
}
/** The run is as it was before a failed `verb`. */
export function expectUntouched(c: SwitchCase, id: string, status: string, where: string) {
  expect(statusOf(c, id), where).toBe(status);
  const { cancelled, deleted } = c.emulator.records.effects(id);
  expect({ cancelled, deleted }, where).toEqual({ cancelled: 0, deleted: 0 });
}
export const CREATE: Partial<Record<RunKind, Record<string, unknown>>> = {
  workflowRuns: { workflow: { id: "workflow_abc" } },
  extractRuns: { extractor: { id: "ex_abc" } },
  parseRuns: {},
  classifyRuns: { classifier: { id: "cl_abc" } },
  splitRuns: { splitter: { id: "spl_abc" } },
};
export type Creator = (body: object, options?: object) => Promise<Run>;
export function create(c: SwitchCase, kind: RunKind, options?: object): Promise<Run> {
  const body = { ...CREATE[kind], file: { url: "https://files.example.test/a.pdf" } };
  return (c.client[kind as "extractRuns"].create as unknown as Creator)(body, options);
}

/** Every verb through every subject resolves and does its work; lists, creates and a bulk delete too. */
export async function expectEveryCallWorks(c: SwitchCase, where: string, extra = {}) {
  for (const subject of SUBJECTS) {
    for (const verb of VERBS) {
      for (const kind of LISTABLE) {
        const id = seedRun(c, kind, runFor(verb), extra);
        const at = `${where}: ${subject} ${verb} ${kind}`;
        expectTookEffect(c, verb, id, resolved(await c.call(subject, verb, id), at), at);
      }
    }
  }
  for (const kind of LISTABLE) {
    const ids = [seedRun(c, kind, "PROCESSED", extra), seedRun(c, kind, "PROCESSED", extra)];
    const listed = await listAll(c, kind, { maxPageSize: 1 });
    const mine = listed.ids.filter((id) => ids.includes(id));
    expect(sorted(mine), `${where}: list ${kind}`).toEqual(sorted(ids));
    const made = resolved(await c.settle(create(c, kind)), `${where}: create ${kind}`);
    expect(c.emulator.getRun(made.id), `${where}: create ${kind}`).toBeDefined();
  }
  const ids = LISTABLE.map((kind) => seedRun(c, kind, "PROCESSED", extra));
  const report = resolved<{ deleted: string[] }>(
    await c.settle(c.client.runs.deleteMany(ids)),
    `${where}: deleteMany`,
  );
  expect(sorted(report.deleted), `${where}: deleteMany`).toEqual(sorted(ids));
}

/** Every item `items` yields, read to its end on the shared clock. */
export async function collect<T>(
  c: SwitchCase,
  items: AsyncIterable<T>,
  where: string,
): Promise<T[]> {
  const all: T[] = [];
  const read = async () => {
    for await (const item of items) all.push(item);
  };
  resolved(await c.settle(read()), where);
  return all;
}
export const listOf = (c: SwitchCase, kind: RunKind, query: object) =>
  c.client[kind as "extractRuns"].list(query as never) as unknown as AsyncIterable<Run> & {
    pages(): AsyncIterable<unknown>;
  };
/** The ids of a full-client list (`for await`), and how many list requests that took. */
export async function listAll(c: SwitchCase, kind: RunKind, query: object = {}) {
  const sent = () =>
    c.emulator.records.requests.filter((r) => r.operationId === `${kind}.list`).length;
  const before = sent();
  const runs = await collect(c, listOf(c, kind, query), `list ${kind}`);
  return { ids: runs.map((r) => r.id), requests: sent() - before };
}
/** The ids `client.runs.find(filter)` yields. */
export async function findAll(c: SwitchCase, filter: object = {}) {
  return (await collect(c, c.client.runs.find(filter), "find")).map((r) => r.id);
}
/** `n` PROCESSED runs of every listable kind, created and updated at seeded times in January. */
export function seedLists(c: SwitchCase, seed: number, n: number) {
  const rng = createRng(seed);
  const t0 = Date.parse("2026-01-01T00:00:00Z");
  const byKind = new Map<RunKind, { id: string; createdAt: number }[]>();
  for (const kind of LISTABLE) {
    const runs = Array.from({ length: n }, () => {
      const createdAt = t0 + Math.floor(rng.next() * 86_400_000);
      const updatedAt = createdAt + Math.floor(rng.next() * 86_400_000);
      return { id: seedRun(c, kind, "PROCESSED", { createdAt, updatedAt }), createdAt };
    });
    byKind.set(kind, runs);
  }
  return byKind;
}
export const sorted = (ids: readonly string[]) => [...ids].sort();
export const pagesFor = (n: number, size: number) => Math.max(1, Math.ceil(n / size));
