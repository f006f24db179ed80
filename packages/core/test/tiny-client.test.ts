// createTinyClient: the run-id methods of every resource on a call path of their own. These check
// that it sends what the lite client sends, and that each guarantee it keeps (README "Tiny client")
// holds: ids checked before the wire, core's retry policy, timeouts, abort, redirects, success-body
// checks, DELETE/cancel outcomes, and no API key in any error. The same client also runs the
// conformance cases in every runtime and the single-call fault matrix against the emulator.
import {
  AbortError,
  ConnectionError,
  createLiteClient,
  createTinyClient,
  InvalidArgumentError,
  isAlreadyDeleted,
  NotCancellableError,
  NotFoundError,
  operationTable,
  RateLimitError,
  RedirectError,
  ResponseError,
  runTypes,
  TimeoutError,
  type TinyClient,
  type TinyClientOptions,
} from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { CANARY, expectNoCanary } from "./helpers/canary.ts";
import { dripping } from "./helpers/dripping.ts";
import {
  connectionFailure,
  errorReply,
  type Reply,
  scriptedFetch,
} from "./helpers/scripted-fetch.ts";
import { VirtualClock } from "./helpers/virtual-clock.ts";

function makeTiny(
  replies: Reply[],
  options: Partial<TinyClientOptions> & { clock?: VirtualClock } = {},
) {
  const clock = options.clock ?? new VirtualClock();
  const server = scriptedFetch(replies, clock);
  const client = createTinyClient({ apiKey: CANARY, fetch: server.fetch, clock, ...options });
  const settle = <T>(promise: Promise<T>) => clock.run(promise);
  const rejection = async (promise: Promise<unknown>) => {
    try {
      await clock.run(promise);
    } catch (error) {
      expectNoCanary(error);
      return error as Error & Record<string, unknown>;
    }
    throw new Error("expected the call to fail, but it succeeded");
  };
  return { client, clock, hits: server.hits, settle, rejection };
}

type Call = (id: string, ...rest: unknown[]) => Promise<unknown>;
const method = (client: object, resource: string, name: string) =>
  (client as Record<string, Record<string, Call>>)[resource]?.[name] as Call;

/** Every operation a tiny client has: the run-id methods (retrieve/get, cancel, delete). */
const ID_OPS = operationTable.filter(
  (op) =>
    op.resource !== null &&
    op.pathParams.length === 1 &&
    ["retrieve", "get", "cancel", "delete"].includes(op.name),
);
/** A valid id for each resource (the first prefix of its run type; any id for legacy runs). */
const ID_OF: Record<string, string> = {
  workflowRuns: "workflow_run_1",
  extractRuns: "exr_1",
  parseRuns: "pr_1",
  classifyRuns: "clr_1",
  splitRuns: "splr_1",
  editRuns: "edr_1",
  formDetectionRuns: "sgr_1",
  batchRuns: "bpr_1",
  evaluationSetRuns: "evsr_1",
  processorRuns: "exr_1",
  batchProcessorRuns: "batch_processor_run_1",
};
const RUN = { object: "extract_run", id: "exr_1", status: "CANCELLED" };

describe("createTinyClient: surface and requests", () => {
  it("has each run-id method of the operation table, and no other method", () => {
    const { client } = makeTiny([Response.json(RUN)]);
    expect(ID_OPS.length).toBeGreaterThanOrEqual(24);
    for (const op of ID_OPS)
      expect(typeof method(client, op.resource as string, op.name), op.operationId).toBe(
        "function",
      );
    const names = Object.entries(client).flatMap(([r, m]) =>
      Object.keys(m).map((n) => `${r}.${n}`),
    );
    expect(names.sort()).toEqual(ID_OPS.map((op) => `${op.resource}.${op.name}`).sort());
  });

  it("sends exactly what the lite client sends for every run-id operation", async () => {
    for (const op of ID_OPS) {
      const sent: { method: string; url: string; headers: [string, string][]; body: string }[] = [];
      for (const make of [createLiteClient, createTinyClient] as const) {
        const clock = new VirtualClock();
        const id = ID_OF[op.resource as string] as string;
        const server = scriptedFetch([Response.json({ id })], clock);
        const client = make({
          apiKey: CANARY,
          baseUrl: "https://api.example.test/v1/",
          workspaceId: "ws_1",
          fetch: server.fetch,
          clock,
        });
        const query = op.queryParams.length > 0 ? [{ responseType: "json" }] : [];
        await clock.run(method(client, op.resource as string, op.name)(id, ...query));
        const { method: m, url, headers, body } = server.hits[0] as (typeof server.hits)[0];
        sent.push({ method: m, url, headers: headers.sort(), body });
      }
      expect(sent[1], op.operationId).toEqual(sent[0]);
    }
  });

  it("parseRuns.retrieve takes a query before its options; an object value is refused", async () => {
    const { client, hits, settle, rejection } = makeTiny([Response.json({ id: "pr_1" })]);
    await settle(client.parseRuns.retrieve("pr_1", { responseType: "json" }, { timeout: 5 }));
    expect(hits[0]?.url).toBe("https://api.extend.ai/parse_runs/pr_1?responseType=json");
    const bad = { responseType: { x: 1 } } as unknown as { responseType: "json" };
    expect(await rejection(client.parseRuns.retrieve("pr_1", bad))).toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(hits).toHaveLength(1);
  });
});

describe("createTinyClient: options and ids", () => {
  it("refuses bad options by the same rules as createClient, never quoting the key", () => {
    const bad: Partial<TinyClientOptions>[] = [
      { apiKey: undefined as unknown as string },
      { apiKey: null as unknown as string },
      { apiKey: `${CANARY} x` },
      { baseUrl: "ftp://x" },
      { timeout: 0 },
      { maxRetries: 1.5 },
      { maxRetryAfter: -1 },
      { fetch: "no" as unknown as TinyClientOptions["fetch"] },
      { workspaceId: "" },
    ];
    for (const options of bad) {
      let error: unknown;
      try {
        createTinyClient({ apiKey: CANARY, ...options });
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(options)).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toMatch(/^createTinyClient: /);
      expectNoCanary(error);
    }
  });

  it("accepts exactly the ids the lite client accepts with strictIds, for every resource and prefix", async () => {
    const prefixes = [
      ...new Set(
        runTypes.flatMap((t) => [t.prefix, ...("alsoPrefixes" in t ? t.alsoPrefixes : [])]),
      ),
    ];
    const verdicts = (make: typeof createLiteClient | typeof createTinyClient) => {
      const clock = new VirtualClock();
      const client = make({
        apiKey: CANARY,
        fetch: async () => Response.json({}),
        clock,
        strictIds: true,
      });
      return Promise.all(
        ID_OPS.flatMap((op) =>
          prefixes.map(async (prefix) => {
            const call = method(client, op.resource as string, op.name)(`${prefix}x1`);
            const refused = await clock.run(call).then(
              () => false,
              (e) => e instanceof InvalidArgumentError,
            );
            return `${op.operationId} ${prefix}: ${refused ? "refused" : "sent"}`;
          }),
        ),
      );
    };
    const tiny = await verdicts(createTinyClient);
    expect(tiny).toEqual(await verdicts(createLiteClient));
    expect(tiny.filter((v) => v.endsWith("refused")).length).toBeGreaterThan(100);
  });

  it("refuses ids that are unsafe or of another run type before sending anything", async () => {
    const { client, hits, rejection } = makeTiny([Response.json(RUN)]);
    const ids: unknown[] = [
      "",
      "..",
      "a/b",
      "exr_1?x=1",
      " exr_1",
      "exr_1#",
      7,
      null,
      "x".repeat(300),
    ];
    for (const id of ids) {
      const error = await rejection(client.extractRuns.delete(id as string));
      expect(error, String(id)).toBeInstanceOf(InvalidArgumentError);
    }
    for (const [call, id] of [
      [client.extractRuns.cancel, "workflow_run_1"],
      [client.workflowRuns.delete, "exr_1"],
      [client.batchProcessorRuns.get, "bpar_1"],
    ] as const) {
      const error = await rejection(call(id));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error.message).toContain("does not start with");
    }
    for (const options of [{ timeout: -1 }, { signal: {} as AbortSignal }]) {
      const error = await rejection(client.extractRuns.retrieve("exr_1", options));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error.message).toMatch(/^extractRuns\.retrieve: (timeout|signal) must be/);
    }
    expect(hits).toHaveLength(0);
  });
});

describe("createTinyClient: retries", () => {
  it("retries a 503 and resolves; sends x-extendkit-retry-count 0, 1", async () => {
    const { client, hits, settle } = makeTiny([errorReply(503), Response.json(RUN)]);
    expect(await settle(client.extractRuns.retrieve("exr_1"))).toEqual(RUN);
    expect(hits.map((h) => new Headers(h.headers).get("x-extendkit-retry-count"))).toEqual([
      "0",
      "1",
    ]);
  });

  it("§1.3 statuses as the other clients: 408/5xx retried, 409/501/505 not, the body's flag first", async () => {
    for (const [reply, requests] of [
      [errorReply(408), 2],
      [errorReply(504), 2],
      [errorReply(409), 1],
      [errorReply(501), 1],
      [errorReply(505), 1],
      [errorReply(409, { retryable: true }), 2],
    ] as const) {
      const { client, hits, settle } = makeTiny([reply, Response.json(RUN)]);
      await settle(client.extractRuns.retrieve("exr_1")).catch(() => undefined);
      expect(hits, `${reply.status}`).toHaveLength(requests);
    }
  });

  it("waits what Retry-After advises; over maxRetryAfter it fails at once with retryAfterMs", async () => {
    const { client, hits, settle } = makeTiny([
      errorReply(429, {}, { "retry-after": "3" }),
      Response.json(RUN),
    ]);
    await settle(client.extractRuns.delete("exr_1"));
    expect((hits[1]?.at ?? 0) - (hits[0]?.at ?? 0)).toBe(3000);

    const long = makeTiny([errorReply(429, {}, { "retry-after": "3600" })]);
    const error = await long.rejection(long.client.extractRuns.delete("exr_1"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(long.hits).toHaveLength(1);
  });

  it("does not retry a 400, nor a 503 whose body says retryable: false; stops at maxRetries", async () => {
    for (const reply of [errorReply(400), errorReply(503, { retryable: false })]) {
      const { client, hits, rejection } = makeTiny([reply, Response.json(RUN)]);
      const error = await rejection(client.workflowRuns.retrieve("workflow_run_1"));
      expect(error.status).toBe(reply.status);
      expect(hits).toHaveLength(1);
    }
    const { client, hits, rejection } = makeTiny([errorReply(502)], { maxRetries: 3 });
    const error = await rejection(client.splitRuns.retrieve("splr_1"));
    expect(error.attempts).toBe(4);
    expect(hits).toHaveLength(4);
  });

  it("retries a reset; the last failure is a ConnectionError with outcomeUnknown, free of the key", async () => {
    const { client, hits, rejection } = makeTiny([connectionFailure("ECONNRESET")]);
    const error = await rejection(client.classifyRuns.delete("clr_1"));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(true);
    expect(hits).toHaveLength(3);
  });

  it("a 429 after a lost DELETE answer says outcomeUnknown", async () => {
    const { client, rejection } = makeTiny([connectionFailure("ECONNRESET"), errorReply(429)], {
      maxRetries: 1,
    });
    const error = await rejection(client.extractRuns.delete("exr_1"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.outcomeUnknown).toBe(true);
  });

  it("a body cut off part-way is retried like a reset", async () => {
    const cut = new Response('{"object":"extract_run","id":"exr_', {
      headers: { "content-type": "application/json" },
    });
    const { client, hits, settle } = makeTiny([cut, Response.json(RUN)]);
    expect(await settle(client.extractRuns.retrieve("exr_1"))).toEqual(RUN);
    expect(hits).toHaveLength(2);
  });
});

describe("createTinyClient: time limits and abort", () => {
  it("an attempt that never answers times out and is retried; then TimeoutError", async () => {
    const { client, clock, hits, rejection } = makeTiny(["hang"], { timeout: 1000 });
    const error = await rejection(client.parseRuns.delete("pr_1"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.timeoutMs).toBe(1000);
    expect(hits).toHaveLength(3);
    expect(hits.every((h) => h.signal.aborted)).toBe(true);
    expect(clock.pending).toBe(0);
  });

  it("C2 headers sent, then the body stalls: the timeout still fires, even if the body ignores the signal", async () => {
    const clock = new VirtualClock();
    // A body that sends "{" and then nothing, and is not tied to the request's signal.
    const stalled = () => dripping(clock, ["{"], 10);
    const { client, hits, rejection } = makeTiny([stalled], {
      clock,
      timeout: 1000,
      maxRetries: 0,
    });
    const start = clock.now();
    const error = await rejection(client.extractRuns.retrieve("exr_1"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(clock.now() - start).toBe(1000);
    expect(hits).toHaveLength(1);
    expect(clock.pending).toBe(0);
  });

  it("a given fetch that ignores its signal and never answers still times out", async () => {
    const clock = new VirtualClock();
    const deaf = () => new Promise<Response>(() => {});
    const client = createTinyClient({
      apiKey: CANARY,
      fetch: deaf,
      clock,
      timeout: 500,
      maxRetries: 1,
    });
    const start = clock.now();
    const error = await clock.run(client.workflowRuns.delete("workflow_run_1")).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(clock.now() - start).toBeGreaterThanOrEqual(1000);
    expect(clock.pending).toBe(0);
  });

  it("a per-call timeout wins over the client's", async () => {
    const { client, hits, rejection } = makeTiny(["hang"], { maxRetries: 0 });
    const error = await rejection(client.editRuns.delete("edr_1", { timeout: 50 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.timeoutMs).toBe(50);
    expect(hits).toHaveLength(1);
  });

  it("the caller's abort ends the call at once, mid-request or while waiting to retry", async () => {
    const during = makeTiny(["hang"]);
    const controller = new AbortController();
    const call = during.client.extractRuns.delete("exr_1", { signal: controller.signal });
    await during.clock.advance(10);
    controller.abort(new Error(`stop ${CANARY}`));
    const error = await during.rejection(call);
    expect(error).toBeInstanceOf(AbortError);
    expect(during.hits).toHaveLength(1);
    expect(during.clock.pending).toBe(0);

    const waiting = makeTiny([errorReply(503, {}, { "retry-after": "30" }), Response.json(RUN)]);
    const second = new AbortController();
    const sleeping = waiting.client.extractRuns.delete("exr_1", { signal: second.signal });
    await waiting.clock.advance(1000);
    second.abort();
    expect(await waiting.rejection(sleeping)).toBeInstanceOf(AbortError);
    expect(waiting.hits).toHaveLength(1);

    const before = makeTiny([Response.json(RUN)]);
    const aborted = AbortSignal.abort();
    expect(
      await before.rejection(before.client.extractRuns.delete("exr_1", { signal: aborted })),
    ).toBeInstanceOf(AbortError);
    expect(before.hits).toHaveLength(0);
  });
});

describe("createTinyClient: outcomes", () => {
  it("a redirect is never followed: RedirectError after one request, origin only", async () => {
    const redirect = new Response(null, {
      status: 307,
      headers: { location: `https://evil.test/steal?key=${CANARY}` },
    });
    const { client, hits, rejection } = makeTiny([redirect]);
    const error = await rejection(client.workflowRuns.cancel("workflow_run_1"));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.location).toBe("https://evil.test");
    expect(hits).toHaveLength(1);
  });

  it("a 2xx body that is not the run asked for is a ResponseError, never a success", async () => {
    // The server echoes the key in a header: the error's fields are built from redacted headers
    // (`rejection` fails on any trace of the key), although a success never redacts them.
    const echo = { "x-request-id": `req_${CANARY}` };
    const bodies = [
      Response.json({ object: "extract_run", id: "exr_OTHER" }, { headers: echo }),
      new Response("<html>captive portal</html>", {
        headers: { "content-type": "text/html", ...echo },
      }),
      new Response("", { status: 200, headers: echo }),
    ];
    for (const body of bodies) {
      const { client, hits, rejection } = makeTiny([body]);
      const error = await rejection(client.extractRuns.cancel("exr_1"));
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.requestId).toBe("req_[REDACTED]");
      expect(hits).toHaveLength(1);
    }
  });

  it("DELETE: a 404 after a retry resolves as already deleted; a first 404 is NotFoundError", async () => {
    const retried = makeTiny([errorReply(503), errorReply(404)]);
    const result = await retried.settle(retried.client.extractRuns.delete("exr_1"));
    expect(result).toEqual({ id: "exr_1" });
    expect(isAlreadyDeleted(result)).toBe(true);

    const legacy = makeTiny([connectionFailure("ECONNRESET"), errorReply(404)]);
    const old = await legacy.settle(legacy.client.processorRuns.delete("exr_9"));
    expect(old).toMatchObject({ success: true, documentProcessorRunId: "exr_9" });

    const first = makeTiny([errorReply(404)]);
    expect(await first.rejection(first.client.extractRuns.delete("exr_1"))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it("DELETE answered 204 resolves to { id }", async () => {
    const { client, settle } = makeTiny([new Response(null, { status: 204 })]);
    const result = await settle(client.editRuns.delete("edr_1"));
    expect(result).toEqual({ id: "edr_1" });
    expect(isAlreadyDeleted(result)).toBe(false);
  });

  it("cancel with a lost answer: the run is read, not the cancel replayed; CANCELLED resolves to it", async () => {
    const cancelled = { object: "workflow_run", id: "workflow_run_1", status: "CANCELLED" };
    const { client, hits, settle } = makeTiny([
      connectionFailure("ECONNRESET"),
      Response.json(cancelled),
    ]);
    expect(await settle(client.workflowRuns.cancel("workflow_run_1"))).toEqual(cancelled);
    expect(hits.map((h) => `${h.method} ${new URL(h.url).pathname}`)).toEqual([
      "POST /workflow_runs/workflow_run_1/cancel",
      "GET /workflow_runs/workflow_run_1",
    ]);
  });

  it("cancel with a lost answer: a parse run read back FAILED with failureReason ABORTED was cancelled", async () => {
    const aborted = { object: "parse_run", id: "pr_1", status: "FAILED", failureReason: "ABORTED" };
    const { client, settle } = makeTiny([connectionFailure("ECONNRESET"), Response.json(aborted)]);
    expect(await settle(client.parseRuns.cancel("pr_1"))).toEqual(aborted);
    const broken = { ...aborted, failureReason: "INTERNAL_ERROR" };
    const other = makeTiny([connectionFailure("ECONNRESET"), Response.json(broken)]);
    expect(await other.rejection(other.client.parseRuns.cancel("pr_1"))).toBeInstanceOf(
      NotCancellableError,
    );
  });

  it("cancel with a lost answer: a run still PROCESSING gets the cancel again", async () => {
    const running = { object: "extract_run", id: "exr_1", status: "PROCESSING" };
    const { client, hits, settle } = makeTiny([
      connectionFailure("ECONNRESET"),
      Response.json(running),
      Response.json(RUN),
    ]);
    expect(await settle(client.extractRuns.cancel("exr_1"))).toEqual(RUN);
    expect(hits.map((h) => h.method)).toEqual(["POST", "GET", "POST"]);
  });

  it("cancel with a lost answer and a run that cannot be read: the unknown outcome stands", async () => {
    const { client, rejection } = makeTiny([connectionFailure("ECONNRESET"), errorReply(500)], {
      maxRetries: 1,
    });
    const error = await rejection(client.extractRuns.cancel("exr_1"));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.outcomeUnknown).toBe(true);
  });

  it("cancel refused after a 503 that had landed: the run is read; CANCELLING resolves to it", async () => {
    const cancelling = { object: "extract_run", id: "exr_1", status: "CANCELLING" };
    const { client, hits, settle } = makeTiny([
      errorReply(503),
      errorReply(409),
      Response.json(cancelling),
    ]);
    expect(await settle(client.extractRuns.cancel("exr_1"))).toEqual(cancelling);
    expect(hits.map((h) => h.method)).toEqual(["POST", "POST", "GET"]);
  });

  it("cancel: refused on the first attempt, or read back still PROCESSED, is NotCancellableError", async () => {
    const first = makeTiny([errorReply(400)]);
    const error = await first.rejection(first.client.extractRuns.cancel("exr_1"));
    expect(error).toBeInstanceOf(NotCancellableError);
    expect(error.status).toBe(400);
    expect(first.hits).toHaveLength(1);

    const done = { object: "extract_run", id: "exr_1", status: "PROCESSED" };
    const later = makeTiny([errorReply(503), errorReply(409), Response.json(done)]);
    expect(await later.rejection(later.client.extractRuns.cancel("exr_1"))).toBeInstanceOf(
      NotCancellableError,
    );
  });

  it("API errors are typed, carry the request id, and hold no key though the server echoed it", async () => {
    const { client, rejection } = makeTiny([errorReply(403, { requestId: "req_9" })]);
    const error = await rejection(client.batchRuns.get("bpr_1"));
    expect(error.name).toBe("PermissionDeniedError");
    expect(error.requestId).toBe("req_9");
    expect(JSON.stringify(error)).toContain("[REDACTED]");
  });
});

// A compile-time check that the tiny client fits code written against the lite client's methods.
const _fits: (
  client: TinyClient,
) => Pick<ReturnType<typeof createLiteClient>["extractRuns"], "cancel" | "delete"> = (c) =>
  c.extractRuns;
void _fits;
