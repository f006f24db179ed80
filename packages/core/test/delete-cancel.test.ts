// Catalogue B (reliability.md §2.2): delete and cancel semantics. A small stateful server stands in
// for the emulator: it applies effects, counts them, and can lose the answer after applying.
import {
  ConnectionError,
  InternalServerError,
  isAlreadyDeleted,
  NotCancellableError,
  NotFoundError,
  ResponseError,
  TimeoutError,
} from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { expectNoCanary } from "./helpers/canary.ts";
import { makeClient } from "./helpers/make-client.ts";
import { connectionFailure, errorReply, hang } from "./helpers/scripted-fetch.ts";

/** One run on a server that records every effect; `loseNext` drops the answer after applying. */
function runServer(status: string) {
  const state = {
    status,
    exists: true,
    deletes: 0,
    cancels: 0,
    loseNext: "" as "" | "reset" | "503",
  };
  const run = () => ({ object: "extract_run", id: "exr_1", status: state.status });
  const lost = () => {
    const how = state.loseNext;
    state.loseNext = "";
    if (how === "reset") throw connectionFailure("ECONNRESET");
    return how === "503" ? errorReply(503) : undefined;
  };
  const reply = (request: Request): Response => {
    const { pathname } = new URL(request.url);
    if (!state.exists) return errorReply(404, { code: "NOT_FOUND" });
    if (request.method === "DELETE") {
      state.exists = false;
      state.deletes++;
      return lost() ?? Response.json({ id: "exr_1" });
    }
    if (pathname.endsWith("/cancel")) {
      if (state.status !== "PROCESSING")
        return errorReply(400, { code: "INVALID_REQUEST", retryable: false });
      state.status = "CANCELLED";
      state.cancels++;
      return lost() ?? Response.json(run());
    }
    return Response.json(run());
  };
  return { state, reply };
}

describe("B. delete and cancel", () => {
  it("B1 DELETE applied, then the connection resets; the retry's 404 means deleted (confirmed absent)", async () => {
    const server = runServer("PROCESSED");
    server.state.loseNext = "reset";
    const { client, hits, logs, settle } = makeClient([server.reply]);
    const result = await settle(client.extractRuns.delete("exr_1"));
    expect(result).toEqual({ id: "exr_1" });
    expect(isAlreadyDeleted(result)).toBe(true);
    expect(server.state.deletes).toBe(1);
    expect(hits.map((h) => h.method)).toEqual(["DELETE", "DELETE"]);
    expectNoCanary(undefined, logs);
  });

  it("B1 the same after a 503 that was applied: the legacy delete resolves in its own shape", async () => {
    const server = runServer("PROCESSED");
    server.state.loseNext = "503";
    const { client, settle } = makeClient([server.reply]);
    const result = await settle(client.processorRuns.delete("exr_1"));
    expect(isAlreadyDeleted(result)).toBe(true);
    expect(result).toMatchObject({ success: true, documentProcessorRunId: "exr_1" });
  });

  it("B2 a 404 on the first attempt is 'not found', not a delete; no retry", async () => {
    const { client, hits, logs, rejection } = makeClient([errorReply(404, { code: "NOT_FOUND" })]);
    const error = await rejection(client.extractRuns.delete("exr_1"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(hits).toHaveLength(1);
    const deleted = makeClient([Response.json({ id: "exr_1" })]);
    expect(isAlreadyDeleted(await deleted.settle(deleted.client.extractRuns.delete("exr_1")))).toBe(
      false,
    );
    expectNoCanary(error, logs);
  });

  it("B3 cancel applied, answer lost: the client reads the run, sees CANCELLED, succeeds; one cancel applied", async () => {
    const server = runServer("PROCESSING");
    server.state.loseNext = "reset";
    const { client, hits, logs, settle } = makeClient([server.reply]);
    const run = await settle(client.extractRuns.cancel("exr_1"));
    expect(run).toMatchObject({ id: "exr_1", status: "CANCELLED" });
    expect(server.state.cancels).toBe(1);
    expect(hits.map((h) => `${h.method} ${new URL(h.url).pathname}`)).toEqual([
      "POST /extract_runs/exr_1/cancel",
      "GET /extract_runs/exr_1",
    ]);
    expectNoCanary(undefined, logs);
  });

  it("B3 cancel applied but answered 503; the retry's 'cannot cancel' is reconciled by a read", async () => {
    const server = runServer("PROCESSING");
    server.state.loseNext = "503";
    const { client, hits, settle } = makeClient([server.reply]);
    await expect(settle(client.extractRuns.cancel("exr_1"))).resolves.toMatchObject({
      status: "CANCELLED",
    });
    expect(server.state.cancels).toBe(1);
    expect(hits.map((h) => h.method)).toEqual(["POST", "POST", "GET"]);
  });

  it("B3 an unconfirmed cancel on a run still PROCESSING is sent again after the read", async () => {
    let cancels = 0;
    const { client, hits, settle } = makeClient([
      (request) => {
        if (request.method === "GET") return Response.json({ id: "exr_1", status: "PROCESSING" });
        cancels++;
        if (cancels === 1) throw connectionFailure("ECONNRESET"); // lost before it was applied
        return Response.json({ id: "exr_1", status: "CANCELLED" });
      },
    ]);
    await expect(settle(client.extractRuns.cancel("exr_1"))).resolves.toMatchObject({
      status: "CANCELLED",
    });
    expect(hits.map((h) => h.method)).toEqual(["POST", "GET", "POST"]);
  });

  it.each(["PROCESSED", "FAILED"])(
    "B4 cancel on a %s run: typed non-retryable NotCancellableError; one hit",
    async (status) => {
      const server = runServer(status);
      const { client, hits, logs, rejection } = makeClient([server.reply]);
      const error = await rejection(client.extractRuns.cancel("exr_1"));
      expect(error).toBeInstanceOf(NotCancellableError);
      expect(error).toMatchObject({
        id: "exr_1",
        retryable: false,
        status: 400,
        code: "INVALID_REQUEST",
      });
      expect(hits).toHaveLength(1);
      expectNoCanary(error, logs);
    },
  );

  it("B4 an unconfirmed cancel whose run turns out PROCESSED reports the status it found", async () => {
    const { client, logs, rejection } = makeClient([
      (request) => {
        if (request.method === "GET") return Response.json({ id: "exr_1", status: "PROCESSED" });
        throw connectionFailure("ECONNRESET");
      },
    ]);
    const error = await rejection(client.extractRuns.cancel("exr_1"));
    expect(error).toBeInstanceOf(NotCancellableError);
    expect(error).toMatchObject({ runStatus: "PROCESSED" });
    expectNoCanary(error, logs);
  });

  it("B5 idempotency keys: the same on every attempt of a call, new for each call, the caller's kept", async () => {
    const created = Response.json({ id: "exr_new", status: "PROCESSING" });
    const replies = [
      errorReply(503),
      errorReply(500),
      created,
      errorReply(503),
      errorReply(502),
      created,
    ];
    const { client, hits, settle } = makeClient(replies, { idempotencyKeys: true });
    const body = { file: { url: "https://example.com/a.pdf" } } as never;
    await settle(client.extractRuns.create(body));
    await settle(client.extractRuns.create(body));
    const keys = hits.map((h) => new Headers(h.headers).get("idempotency-key"));
    expect(keys).toHaveLength(6);
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(new Set(keys.slice(3)).size).toBe(1);
    expect(keys[0]).not.toBe(keys[3]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);

    const own = makeClient([errorReply(503), created]);
    await own.settle(own.client.extractRuns.create(body, { idempotencyKey: "my-key-1" }));
    expect(own.hits.map((h) => new Headers(h.headers).get("idempotency-key"))).toEqual([
      "my-key-1",
      "my-key-1",
    ]);
  });

  it("B6 a run-creating POST that gets no response is not replayed: an ambiguous-outcome error", async () => {
    const body = { file: { url: "https://example.com/a.pdf" } } as never;
    const reset = makeClient([connectionFailure("ECONNRESET"), Response.json({ id: "exr_2" })]);
    const error = await reset.rejection(reset.client.extractRuns.create(body));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ outcomeUnknown: true, attempts: 1 });
    expect(reset.hits).toHaveLength(1);

    const silent = makeClient(["hang"], { timeout: 1000 });
    const timeout = await silent.rejection(
      silent.client.parse({ file: { url: "https://x.test/a.pdf" } } as never),
    );
    expect(timeout).toBeInstanceOf(TimeoutError);
    expect(timeout).toMatchObject({ outcomeUnknown: true });
    expect(silent.hits).toHaveLength(1);

    const refused = makeClient([errorReply(503), Response.json({ id: "exr_3" })]);
    expect(await refused.rejection(refused.client.extractRuns.create(body))).toBeInstanceOf(
      InternalServerError,
    );
    expect(refused.hits).toHaveLength(1);
    const limited = makeClient([
      errorReply(429, { retryable: true }),
      Response.json({ id: "exr_4" }),
    ]);
    await expect(limited.settle(limited.client.extractRuns.create(body))).resolves.toEqual({
      id: "exr_4",
    });
    expect(limited.hits).toHaveLength(2);
    expectNoCanary(error, [...reset.logs, ...silent.logs, ...refused.logs]);
    expectNoCanary(timeout);
  });

  it("B7 DELETE answered 204 with no body, or 200 {}, is a success without parsing an empty body", async () => {
    const empty = makeClient([new Response(null, { status: 204 })]);
    await expect(empty.settle(empty.client.workflowRuns.delete("workflow_run_1"))).resolves.toEqual(
      { id: "workflow_run_1" },
    );
    const braces = makeClient([Response.json({})]);
    await expect(
      braces.settle(braces.client.workflowRuns.delete("workflow_run_1")),
    ).resolves.toEqual({});
    const zero = makeClient([
      new Response("", { status: 200, headers: { "content-length": "0" } }),
    ]);
    await expect(zero.settle(zero.client.parseRuns.delete("pr_1"))).resolves.toEqual({
      id: "pr_1",
    });
  });

  it("B8 DELETE answered 200 with another run's id is a typed integrity error, not a delete", async () => {
    const { client, logs, rejection } = makeClient([Response.json({ id: "exr_other" })]);
    const error = await rejection(client.extractRuns.delete("exr_1"));
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ reason: "id-mismatch", status: 200 });
    expectNoCanary(error, logs);
  });

  it("Q3 a parse run our cancel ended FAILED with failureReason ABORTED counts as cancelled; another failure does not", async () => {
    const aborted = { object: "parse_run", id: "pr_1", status: "FAILED", failureReason: "ABORTED" };
    const lost = makeClient([connectionFailure("ECONNRESET"), Response.json(aborted)]);
    await expect(lost.settle(lost.client.parseRuns.cancel("pr_1"))).resolves.toEqual(aborted);
    const broken = { ...aborted, failureReason: "INTERNAL_ERROR" };
    const other = makeClient([connectionFailure("ECONNRESET"), Response.json(broken)]);
    const error = await other.rejection(other.client.parseRuns.cancel("pr_1"));
    expect(error).toBeInstanceOf(NotCancellableError);
    expect(error).toMatchObject({ runStatus: "FAILED" });
  });

  it("G8 a cancel or retrieve answered 200 with another run, or with an HTML page, never resolves", async () => {
    const other = { object: "workflow_run", id: "workflow_run_other", status: "CANCELLED" };
    const page = new Response("<html>Please sign in</html>", {
      headers: { "content-type": "text/html" },
    });
    for (const [reply, reason] of [
      [Response.json(other), "id-mismatch"],
      [page, "content-type"],
    ] as const) {
      for (const verb of ["cancel", "retrieve"] as const) {
        const { client, hits, logs, rejection } = makeClient([reply.clone()]);
        const error = await rejection(client.workflowRuns[verb]("workflow_run_1"));
        expect(error, `${verb} ${reason}`).toBeInstanceOf(ResponseError);
        expect(error).toMatchObject({ reason, status: 200 });
        expect(hits).toHaveLength(1);
        expectNoCanary(error, logs);
      }
    }
  });

  it("B3 a cancel that never answers times out and is reconciled by a read", async () => {
    const { client, hits, settle } = makeClient(
      [(r) => (r.method === "GET" ? Response.json({ id: "exr_1", status: "CANCELLED" }) : hang(r))],
      { timeout: 500 },
    );
    await expect(settle(client.extractRuns.cancel("exr_1"))).resolves.toMatchObject({
      status: "CANCELLED",
    });
    expect(hits.map((h) => h.method)).toEqual(["POST", "GET"]);
  });
});
