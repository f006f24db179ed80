import {
  type LiteClient,
  type OperationKind,
  operationTable,
  verifyWebhook,
} from "@extendkit/core";
import { EMULATOR_API_KEY, type Fault as EmulatorFault, signWebhook } from "@extendkit/emulator";
import type { Backend } from "./backend.ts";
import { type Outcome, settle } from "./describe-outcome.ts";

/** Builds the client under test; each runtime passes its adapter's factory. */
export type MakeClient = (overrides?: {
  fetch?: (request: Request) => Promise<Response>;
}) => LiteClient;

/**
 * One conformance case: `setup`/`check` beside the emulator, `act` in the runtime under test.
 * `tiny: false` marks a case that needs more than the run-id methods `createTinyClient` has
 * (lists), or no client at all (webhooks); every other case also runs with the tiny client.
 * `iterates: true` marks a case that iterates a list across pages, which only `createClient`'s
 * lists do: the browser client's lists resolve to one page, as the lite client's (`browserCases`).
 */
export interface Case {
  name: string;
  tiny?: false;
  iterates?: true;
  setup(backend: Backend): Promise<unknown>;
  act(make: MakeClient, params: unknown): Promise<unknown>;
  check(result: unknown, params: unknown, backend: Backend): void;
}

/** One webhook delivery of the webhooks case: its headers as signed, and the body sent. */
type WebhookCase = { label: string; headers: Record<string, string>; body: string };

/** The cases that also run with `createTinyClient` (made to fit `MakeClient` by a cast). */
export const tinyCases = (): Case[] => cases.filter((c) => c.tiny !== false);

/** The cases the browser client runs through the proxy: all but those that iterate lists. */
export const browserCases = (): Case[] => cases.filter((c) => c.iterates !== true);

/** A client whose list methods can be iterated item by item (`createClient`'s). */
type Lister = { list(query: object): AsyncIterable<{ id: string }> };
type IteratingClient = { extractRuns: Lister; classifyRuns: Lister };
const iterating = (make: MakeClient) => make() as unknown as IteratingClient;

type Call = (...args: unknown[]) => Promise<unknown>;
type Target = { resource: string; method: string; id: string };

const call = (client: LiteClient, resource: string, method: string): Call => {
  const r = (client as unknown as Record<string, Record<string, Call>>)[resource] ?? {};
  return (r[method] as Call).bind(r);
};

const opsOf = (kind: OperationKind) =>
  operationTable.filter((op) => op.kind === kind && op.resource !== null && op.pathParams.length);

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`conformance: ${message}`);
}

const failed = (o: Outcome) => (o.ok ? undefined : o);
/** The run in an answer: legacy endpoints wrap it (`{ success, processorRun }`). */
const runOf = (o: Outcome) => {
  const v = (o.ok ? o.value : {}) as Record<string, unknown>;
  return (v.processorRun ?? v.batchProcessorRun ?? v) as { id?: string; status?: string };
};
const noKey = (o: Outcome, what: string) =>
  assert(o.ok || !o.text.includes(EMULATOR_API_KEY), `${what}: the API key leaked into the error`);

/** A case: the first answer to a retrieve of a `resource` run is spoilt by `fault`; retried, the call resolves to the run after exactly 2 requests. */
function retriedRead(name: string, resource: string, fault: EmulatorFault): Case {
  return {
    name,
    async setup(b) {
      const id = await b.seed(resource);
      b.fault({ times: 1, emulator: fault });
      return id;
    },
    act: (make, id) => settle(() => call(make(), resource, "retrieve")(id as string)),
    check(result, id, backend) {
      const o = result as Outcome;
      assert(o.ok && runOf(o).id === id, `resolves to the run, got ${JSON.stringify(o)}`);
      assert(backend.paths().length === 2, `2 requests, got ${backend.paths().length}`);
    },
  };
}

/** Inputs that every runtime rejects before sending (reliability §2.2 E1–E6, E8–E10). */
const HOSTILE_IDS: unknown[] = [
  "",
  ".",
  "..",
  "%2e%2e",
  "%2E.",
  ".%2e",
  "a/b",
  "../x",
  "x/../../y",
  "id?force=1",
  "id#frag",
  "a\\..\\b",
  "/\\evil",
  "x\r\nX-Injected: 1",
  "\u0000",
  "x".repeat(10_000),
  " id ",
  "\tid",
  undefined,
  null,
  123,
  {},
  [],
];
/** Inputs that may be sent encoded or refused, but must never reach another route (E4 `;`, E7). */
const ODD_IDS = ["id;x=y", "é", "𝕳", "\u202enur_wolfkrow", "a\u200bb"];

async function seedAll(backend: Backend, kind: OperationKind, status: string): Promise<Target[]> {
  const targets: Target[] = [];
  for (const op of opsOf(kind)) {
    const resource = op.resource as string;
    targets.push({ resource, method: op.name, id: await backend.seed(resource, status) });
  }
  return targets;
}

export const cases: Case[] = [
  {
    name: "retrieve: every run type",
    setup: (b) => seedAll(b, "retrieve", "PROCESSED"),
    async act(make, params) {
      const client = make();
      const out: Outcome[] = [];
      for (const t of params as Target[])
        out.push(await settle(() => call(client, t.resource, t.method)(t.id)));
      return out;
    },
    check(result, params) {
      const targets = params as Target[];
      assert(targets.length >= 11, "every run type with a retrieve operation is covered");
      (result as Outcome[]).forEach((o, i) => {
        assert(
          o.ok,
          `${targets[i]?.resource}.${targets[i]?.method} failed: ${JSON.stringify(failed(o))}`,
        );
        assert(runOf(o).id === targets[i]?.id, `${targets[i]?.resource} returns the run`);
      });
    },
  },
  {
    name: "list: every listable run type",
    tiny: false,
    async setup(b) {
      const lists = operationTable.filter((op) => op.kind === "list" && op.resource !== null);
      const out: { resource: string; ids: string[] }[] = [];
      for (const op of lists) {
        const resource = op.resource as string;
        out.push({ resource, ids: [await b.seed(resource), await b.seed(resource, "PROCESSING")] });
      }
      return out;
    },
    async act(make, params) {
      const client = make();
      const out: Outcome[] = [];
      for (const { resource } of params as { resource: string }[]) {
        out.push(
          await settle(async () => {
            const list = call(client, resource, "list")({ maxPageSize: 50 }) as unknown as {
              page?: () => Promise<unknown>;
            };
            const page = (typeof list.page === "function" ? await list.page() : await list) as {
              data?: { id: string }[];
              processorRuns?: { id: string }[]; // legacy list shape
            };
            return (page.data ?? page.processorRuns ?? []).map((run) => run.id);
          }),
        );
      }
      return out;
    },
    check(result, params) {
      const lists = params as { resource: string; ids: string[] }[];
      assert(lists.length >= 6, "every list operation is covered");
      (result as Outcome[]).forEach((o, i) => {
        assert(o.ok, `${lists[i]?.resource}.list failed: ${JSON.stringify(failed(o))}`);
        for (const id of lists[i]?.ids ?? [])
          assert((o.value as string[]).includes(id), `lists ${id}`);
      });
    },
  },
  {
    name: "cancel: every cancellable run type",
    setup: (b) => seedAll(b, "cancel", "PROCESSING"),
    async act(make, params) {
      const client = make();
      const out: Outcome[] = [];
      for (const t of params as Target[])
        out.push(await settle(() => call(client, t.resource, t.method)(t.id)));
      return out;
    },
    check(result, params) {
      const targets = params as Target[];
      assert(targets.length >= 6, "every cancel operation is covered");
      (result as Outcome[]).forEach((o, i) => {
        assert(o.ok, `${targets[i]?.resource}.cancel failed: ${JSON.stringify(failed(o))}`);
        const status = runOf(o).status;
        assert(status === "CANCELLED" || status === "CANCELLING", `cancelled, got ${status}`);
      });
    },
  },
  {
    name: "delete: every deletable run type, then retrieve is a typed 404",
    async setup(b) {
      const targets = await seedAll(b, "delete", "PROCESSED");
      return targets.map((t) => ({
        ...t,
        get: operationTable.find((op) => op.resource === t.resource && op.kind === "retrieve")
          ?.name,
      }));
    },
    async act(make, params) {
      const client = make();
      const out: Outcome[][] = [];
      for (const t of params as (Target & { get: string })[]) {
        out.push([
          await settle(() => call(client, t.resource, t.method)(t.id)),
          await settle(() => call(client, t.resource, t.get)(t.id)),
        ]);
      }
      return out;
    },
    check(result, params) {
      const targets = params as Target[];
      assert(targets.length >= 7, "every delete operation is covered");
      (result as Outcome[][]).forEach(([deleted, after], i) => {
        assert(deleted?.ok, `${targets[i]?.resource}.delete failed: ${JSON.stringify(deleted)}`);
        assert(after && !after.ok && after.status === 404, "a deleted run is a 404");
      });
    },
  },
  {
    name: "PG1/PG6: every item of a list, 2 per page, once; an empty page is followed; tokens hold + / = :",
    tiny: false,
    iterates: true,
    async setup(b) {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await b.seed("extractRuns"));
      // The first answer is an empty page whose token leads to the same position (PG1).
      b.fault({ times: 1, emulator: { type: "emptyPage" } });
      return ids;
    },
    act: (make) =>
      settle(async () => {
        const seen: string[] = [];
        for await (const run of iterating(make).extractRuns.list({ maxPageSize: 2 }))
          seen.push(run.id);
        return seen;
      }),
    check(result, ids, backend) {
      const o = result as Outcome;
      assert(o.ok, `lists, got ${JSON.stringify(o)}`);
      const seen = o.value as string[];
      const expected = ids as string[];
      assert(
        seen.length === expected.length && expected.every((id) => seen.includes(id)),
        `each of the ${expected.length} runs once, got ${JSON.stringify(seen)}`,
      );
      // The empty page, then 3 pages of 2, 2 and 1: each token (it holds + / = :) sent back intact.
      assert(backend.paths().length === 4, `4 list requests, got ${backend.paths().length}`);
    },
  },
  {
    name: "PG2: a page token seen before ends the list with PaginationError, not a loop",
    tiny: false,
    iterates: true,
    async setup(b) {
      for (let i = 0; i < 5; i++) await b.seed("classifyRuns");
      // From the second page on, each answer repeats the request's own token.
      b.fault({ times: 10, skip: 1, emulator: { type: "repeatPage" } });
      return null;
    },
    act: (make) =>
      settle(async () => {
        let items = 0;
        for await (const _ of iterating(make).classifyRuns?.list({ maxPageSize: 2 }) ?? []) items++;
        return items;
      }),
    check(result, _params, backend) {
      const o = result as Outcome;
      assert(!o.ok && o.name === "PaginationError", `PaginationError, got ${JSON.stringify(o)}`);
      assert(backend.paths().length <= 3, `stops at once: ${backend.paths().length} requests`);
    },
  },
  {
    name: "typed errors: an unknown run is an ApiError 404 that holds no key",
    setup: async () => null,
    act: (make) => settle(() => make().workflowRuns.retrieve("workflow_run_missing")),
    check(result) {
      const o = result as Outcome;
      assert(!o.ok && o.status === 404 && o.code === "NOT_FOUND", `got ${JSON.stringify(o)}`);
      assert(/Error$/.test(o.name) && o.retryable === false, "typed, not retryable");
      noKey(o, "404");
    },
  },
  {
    name: "typed errors: cancelling a finished run is a non-retryable 4xx",
    setup: (b) => b.seed("extractRuns", "PROCESSED"),
    act: (make, id) => settle(() => make().extractRuns.cancel(id as string)),
    check(result) {
      const o = result as Outcome;
      assert(!o.ok && o.status !== null && o.status >= 400 && o.status < 500, JSON.stringify(o));
      assert(o.retryable === false, "not retryable");
      noKey(o, "cancel");
    },
  },
  {
    name: "retry: a 503 then success resolves after exactly 2 requests",
    async setup(b) {
      const id = await b.seed("workflowRuns");
      b.fault({ times: 1, status: 503 });
      return id;
    },
    act: (make, id) => settle(() => make().workflowRuns.retrieve(id as string)),
    check(result, id, backend) {
      const o = result as Outcome;
      assert(o.ok && (o.value as { id: string }).id === id, `got ${JSON.stringify(o)}`);
      assert(backend.paths().length === 2, `2 requests, got ${backend.paths().length}`);
    },
  },
  retriedRead(
    "D3: a 2xx whose connection resets mid-body is retried; retrieve resolves to the run",
    "classifyRuns",
    { type: "resetMidBody", afterBytes: 10 },
  ),
  retriedRead(
    "D3: a 2xx whose JSON ends early (a clean end) is retried, never a success; retrieve resolves",
    "workflowRuns",
    { type: "truncatedJson", afterBytes: 20 },
  ),
  {
    name: "B1: a DELETE applied whose answer is lost to a reset resolves; the run is gone",
    async setup(b) {
      const id = await b.seed("extractRuns");
      b.fault({ times: 1, emulator: { type: "resetAfterCommit" } });
      return id;
    },
    act: (make, id) => settle(() => make().extractRuns.delete(id as string)),
    check(result, id, backend) {
      const o = result as Outcome;
      assert(o.ok, `resolves, got ${JSON.stringify(o)}`);
      assert(backend.emulator.getRun(id as string) === undefined, "the run is gone");
      assert(backend.paths().length === 2, `2 requests, got ${backend.paths().length}`);
    },
  },
  {
    name: "C2: headers sent, then the body stalls: TimeoutError within the per-call timeout, never a hang",
    async setup(b) {
      const id = await b.seed("splitRuns");
      b.fault({ times: 3, emulator: { type: "stall" } });
      return id;
    },
    async act(make, id) {
      const started = Date.now();
      const outcome = await settle(() => make().splitRuns.retrieve(id as string, { timeout: 300 }));
      return { outcome, ms: Date.now() - started };
    },
    check(result) {
      const { outcome: o, ms } = result as { outcome: Outcome; ms: number };
      assert(!o.ok && o.name === "TimeoutError", `TimeoutError, got ${JSON.stringify(o)}`);
      // At most 3 attempts of 300 ms and two backoff waits (≤ 0.5 s and ≤ 1 s): well under 5 s.
      assert(ms < 5_000, `settled in ${ms} ms`);
      noKey(o, "timeout");
    },
  },
  {
    name: "abort: a signal aborted before the call sends nothing",
    setup: (b) => b.seed("parseRuns"),
    act(make, id) {
      const controller = new AbortController();
      controller.abort();
      return settle(() =>
        make().parseRuns.retrieve(id as string, {}, { signal: controller.signal }),
      );
    },
    check(result, _id, backend) {
      assert(!(result as Outcome).ok, "rejects");
      assert(backend.paths().length === 0, "0 requests");
    },
  },
  {
    name: "abort: aborting mid-request rejects without waiting for the answer",
    async setup(b) {
      const id = await b.seed("splitRuns");
      b.fault({ times: 1, delayMs: 3_000 });
      return id;
    },
    act: (make, id) => abortMidRequest(make, id as string),
    check(result, _id, backend) {
      const o = result as Outcome;
      assert(!o.ok && o.status === null, `rejects with a non-API error, got ${JSON.stringify(o)}`);
      assert(backend.paths().length >= 1, "the request was sent");
    },
  },
  {
    name: "hostile ids: rejected before anything is sent (E1–E6, E8–E10)",
    setup: async () => null,
    async act(make) {
      const client = make();
      const out: Outcome[] = [];
      for (const id of HOSTILE_IDS)
        out.push(await settle(() => client.workflowRuns.delete(id as string)));
      return out;
    },
    check(result, _params, backend) {
      for (const o of result as Outcome[]) {
        assert(!o.ok && o.name === "InvalidArgumentError", `got ${JSON.stringify(o)}`);
      }
      assert(backend.paths().length === 0, `0 requests, got ${backend.paths().join(" ")}`);
    },
  },
  {
    name: "hostile ids: odd characters never reach another route (E4, E7)",
    setup: async () => null,
    async act(make) {
      const client = make();
      const out: Outcome[] = [];
      for (const id of ODD_IDS) out.push(await settle(() => client.workflowRuns.delete(id)));
      return out;
    },
    check(result, _params, backend) {
      for (const o of result as Outcome[]) {
        assert(
          !o.ok && (o.status === null ? o.name === "InvalidArgumentError" : o.status < 500),
          JSON.stringify(o),
        );
      }
      for (const path of backend.paths()) {
        assert(
          /^\/workflow_runs\/[^/]+$/.test(path),
          `only the delete template is reached: ${path}`,
        );
      }
    },
  },
  {
    name: "H2: the runtime's fetch passed as an option is called unbound",
    setup: (b) => b.seed("classifyRuns"),
    act: (make, id) =>
      settle(() => make({ fetch: globalThis.fetch }).classifyRuns.retrieve(id as string)),
    check(result, id) {
      const o = result as Outcome;
      assert(o.ok && (o.value as { id: string }).id === id, `got ${JSON.stringify(o)}`);
    },
  },
  {
    name: "H5: abort works with AbortSignal.any and AbortSignal.timeout absent",
    async setup(b) {
      const id = await b.seed("splitRuns");
      b.fault({ times: 1, delayMs: 3_000 });
      return id;
    },
    async act(make, id) {
      const statics = AbortSignal as unknown as Record<string, unknown>;
      const saved = { any: statics.any, timeout: statics.timeout };
      const removed =
        Reflect.deleteProperty(statics, "any") && Reflect.deleteProperty(statics, "timeout");
      try {
        const aborted = await abortMidRequest(make, id as string);
        const plain = await settle(() => make().splitRuns.retrieve(id as string));
        return { removed: removed && statics.any === undefined, aborted, plain };
      } finally {
        Object.assign(statics, saved);
      }
    },
    check(result, id) {
      const r = result as { removed: boolean; aborted: Outcome; plain: Outcome };
      assert(r.removed, "AbortSignal.any and AbortSignal.timeout could be removed");
      assert(!r.aborted.ok && r.aborted.status === null, `aborts: ${JSON.stringify(r.aborted)}`);
      assert(r.plain.ok && (r.plain.value as { id: string }).id === id, "a plain call still works");
    },
  },
  {
    name: "H6: a redirect is never followed",
    async setup(b) {
      const id = await b.seed("editRuns");
      b.fault({ times: 1, redirect: "http://127.0.0.1:9/steal" });
      return id;
    },
    act: (make, id) => settle(() => make().editRuns.retrieve(id as string)),
    check(result, _id, backend) {
      const o = result as Outcome;
      // A client that met the redirect says so with `RedirectError`; through the proxy (Chromium),
      // the proxy met it and answers 502 `upstream_redirect`, which the browser client throws.
      assert(
        !o.ok &&
          (o.name === "RedirectError" || (o.status === 502 && o.code === "upstream_redirect")),
        `RedirectError (or the proxy's 502 upstream_redirect), got ${JSON.stringify(o)}`,
      );
      assert(backend.paths().length === 1, `1 request, no follow-up: ${backend.paths().join(" ")}`);
      noKey(o, "redirect");
    },
  },
  {
    name: "webhooks: a delivery the emulator signed verifies; altered, stale and forged ones are refused",
    tiny: false,
    async setup() {
      const secret = "wss_conformance_Av9uCQNrCIEe0XpEpsQUVjEJ";
      const now = Math.floor(Date.now() / 1000);
      const event = {
        eventId: "event_conformance",
        eventType: "extract_run.processed",
        payload: {
          object: "extract_run",
          id: "exr_conformance",
          status: "PROCESSED",
          note: "Zoë ✓ 📄",
        },
      };
      const body = JSON.stringify(event);
      const signed = (at: number, key = secret) =>
        signWebhook({ secret: key, body, timestamp: at });
      const deliveries: WebhookCase[] = [
        { label: "authentic", headers: await signed(now), body },
        { label: "altered", headers: await signed(now), body: body.replace("PROCESSED", "FAILED") },
        { label: "stale", headers: await signed(now - 3_600), body },
        { label: "forged", headers: await signed(now, "wss_someone_else"), body },
        { label: "unsigned", headers: {}, body },
      ];
      return { secret, deliveries };
    },
    async act(_make, params) {
      const { secret, deliveries } = params as { secret: string; deliveries: WebhookCase[] };
      const out: Record<string, unknown>[] = [];
      for (const { label, headers, body } of deliveries) {
        const request = new Request("https://hooks.example/extend", {
          method: "POST",
          headers,
          body,
        });
        try {
          const event = await verifyWebhook(request, { secret });
          out.push({ label, ok: true, eventId: event.eventId, payload: event.payload });
        } catch (error) {
          const e = error as { name?: string; reason?: string; message?: string };
          out.push({ label, ok: false, name: e.name, reason: e.reason, message: e.message });
        }
      }
      return out;
    },
    check(result) {
      const by = Object.fromEntries(
        (result as { label: string }[]).map((r) => [r.label, r as Record<string, unknown>]),
      );
      const ok = by.authentic as { ok: boolean; eventId: string; payload: { note: string } };
      assert(ok.ok && ok.eventId === "event_conformance", `authentic: ${JSON.stringify(ok)}`);
      assert(ok.payload.note === "Zoë ✓ 📄", "the payload survives, non-ASCII included");
      const expected = {
        altered: "signature-mismatch",
        stale: "expired",
        forged: "signature-mismatch",
        unsigned: "missing-header",
      };
      for (const [label, reason] of Object.entries(expected)) {
        const r = by[label] ?? {};
        assert(
          r.ok === false && r.name === "WebhookVerificationError" && r.reason === reason,
          `${label}: expected ${reason}, got ${JSON.stringify(r)}`,
        );
        assert(!String(r.message).includes("wss_conformance"), `${label}: the secret leaked`);
      }
    },
  },
];

async function abortMidRequest(make: MakeClient, id: string): Promise<Outcome> {
  const controller = new AbortController();
  const pending = settle(() => make().splitRuns.retrieve(id, { signal: controller.signal }));
  setTimeout(() => controller.abort(), 100);
  return pending;
}
