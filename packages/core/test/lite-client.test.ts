// createLiteClient: every resource method on the shared call path, and nothing else. Parity of
// each operation's request with the full client is in operations.test.ts; these cover what differs
// (surface, lists) and that the reliability behaviour is the same one.
import {
  createClient,
  createLiteClient,
  InvalidArgumentError,
  isAlreadyDeleted,
  NotCancellableError,
  NotFoundError,
  operationTable,
  type RunsClient,
  withRuns,
} from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { CANARY, captureLogger, expectNoCanary } from "./helpers/canary.ts";
import { type Reply, scriptedFetch } from "./helpers/scripted-fetch.ts";
import { VirtualClock } from "./helpers/virtual-clock.ts";

function makeLite(replies: Reply[]) {
  const clock = new VirtualClock();
  const server = scriptedFetch(replies, clock);
  const log = captureLogger();
  const client = createLiteClient({
    apiKey: CANARY,
    fetch: server.fetch,
    clock,
    logger: log.logger,
    logLevel: "debug",
  });
  const rejection = async (promise: Promise<unknown>) => {
    try {
      await clock.run(promise);
    } catch (error) {
      return error;
    }
    throw new Error("expected the call to fail, but it succeeded");
  };
  return { client, clock, hits: server.hits, logs: log.lines, rejection };
}

const RUN = { object: "extract_run", id: "exr_1", status: "CANCELLED" };
const PAGE = { object: "list", data: [RUN], nextPageToken: "t2" };

describe("createLiteClient", () => {
  it("has every operation of the table as a method, and none of the full client's extras", () => {
    const { client } = makeLite([Response.json(RUN)]);
    const surface = client as unknown as Record<string, Record<string, unknown>>;
    for (const op of operationTable) {
      const method = op.resource === null ? surface[op.name] : surface[op.resource]?.[op.name];
      expect(typeof method, op.operationId).toBe("function");
    }
    for (const extra of ["runs", "raw", "use", "eject"]) expect(surface[extra]).toBeUndefined();
    expect(surface.extractRuns?.waitFor).toBeUndefined();
  });

  it("a list method sends one request and resolves to that page", async () => {
    const { client, clock, hits } = makeLite([Response.json(PAGE)]);
    const page = await clock.run(client.extractRuns.list({ maxPageSize: 1, nextPageToken: "t1" }));
    expect(page).toEqual(PAGE);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.url).toBe("https://api.extend.ai/extract_runs?maxPageSize=1&nextPageToken=t1");
  });

  it("retries a 503 on a delete and returns the answer", async () => {
    const { client, clock, hits } = makeLite([
      Response.json({ code: "UNAVAILABLE", message: "try again" }, { status: 503 }),
      Response.json({ id: "exr_1" }),
    ]);
    expect(await clock.run(client.extractRuns.delete("exr_1"))).toEqual({ id: "exr_1" });
    expect(hits).toHaveLength(2);
  });

  it("a 404 after a retried delete resolves as already deleted", async () => {
    const { client, clock } = makeLite([
      new TypeError("fetch failed"),
      Response.json({ code: "NOT_FOUND", message: "no run" }, { status: 404 }),
    ]);
    expect(isAlreadyDeleted(await clock.run(client.extractRuns.delete("exr_1")))).toBe(true);
  });

  it("typed errors, with no key in them or in the log", async () => {
    const { client, rejection, logs } = makeLite([
      Response.json({ code: "NOT_FOUND", message: `no ${CANARY}` }, { status: 404 }),
      Response.json({ code: "INVALID", message: "already done" }, { status: 400 }),
    ]);
    const missing = await rejection(client.workflowRuns.retrieve("workflow_run_1"));
    expect(missing).toBeInstanceOf(NotFoundError);
    expectNoCanary(missing, logs);
    const refused = await rejection(client.extractRuns.cancel("exr_1"));
    expect(refused).toBeInstanceOf(NotCancellableError);
    expectNoCanary(refused, logs);
  });

  it("a bad id never reaches the wire", async () => {
    const { client, hits, rejection } = makeLite([Response.json(RUN)]);
    expect(await rejection(client.extractRuns.delete("../workflow_runs/x"))).toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(hits).toHaveLength(0);
  });

  it("withRuns adds client.runs (routed by id prefix), and no bulk helpers", async () => {
    const clock = new VirtualClock();
    const server = scriptedFetch([Response.json(RUN)], clock);
    const client = createLiteClient({ apiKey: CANARY, fetch: server.fetch, clock }, withRuns);
    expect(await clock.run(client.runs.cancel("exr_1"))).toEqual(RUN);
    expect(server.hits[0]?.url).toBe("https://api.extend.ai/extract_runs/exr_1/cancel");
    expect((client.runs as unknown as Record<string, unknown>).deleteMany).toBeUndefined();
  });

  it("the full client fits RunsClient, so code written for the lite one takes either", async () => {
    const clock = new VirtualClock();
    const server = scriptedFetch([Response.json(PAGE)], clock);
    const full: RunsClient = createClient({ apiKey: CANARY, fetch: server.fetch, clock });
    // A full client's list result is a Promise of the first page, as a lite client's is.
    const listed: Promise<unknown> = full.extractRuns.list();
    expect(Object.prototype.toString.call(listed)).toBe("[object Paginated]");
    expect(await clock.run(Promise.resolve(listed))).toEqual(PAGE);
  });

  it("calls the given fetch unbound, as a browser's own fetch requires (conformance H2)", async () => {
    const clock = new VirtualClock();
    const server = scriptedFetch([Response.json(RUN)], clock);
    const receivers: unknown[] = [];
    // A browser's window.fetch throws "Illegal invocation" when `this` is not the global object.
    function strictFetch(this: unknown, request: Request) {
      receivers.push(this);
      return server.fetch(request);
    }
    for (const create of [createClient, createLiteClient]) {
      const client = create({ apiKey: CANARY, fetch: strictFetch, clock });
      await clock.run(client.extractRuns.cancel("exr_1"));
    }
    expect(receivers).toEqual([undefined, undefined]);
  });
});
