// Catalogue C (reliability.md §2.2): timeouts and abort. Virtual clock, except where a real socket
// is the point (C5, C10), which use node:http on 127.0.0.1 and never wait on a timer.
import { getEventListeners } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { AbortError, createClient, TimeoutError } from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { CANARY, expectNoCanary } from "./helpers/canary.ts";
import { dripping } from "./helpers/dripping.ts";
import { makeClient } from "./helpers/make-client.ts";
import { connectionFailure, errorReply, hang } from "./helpers/scripted-fetch.ts";
import { flush, VirtualClock } from "./helpers/virtual-clock.ts";

const RUN = { object: "extract_run", id: "exr_1", status: "PROCESSED" };
const ok = () => Response.json(RUN);

/** Records when each request's signal aborts, on `clock`. */
function hangAndRecord(clock: VirtualClock, aborts: number[]) {
  return (request: Request) => {
    request.signal.addEventListener("abort", () => aborts.push(clock.now()));
    return hang(request);
  };
}

describe("C. timeouts and abort", () => {
  it("C1 a server that never answers: the timeout fires at T; typed error; timeout + 2 retries = 3 hits", async () => {
    const clock = new VirtualClock();
    const aborts: number[] = [];
    const { client, hits, logs, rejection } = makeClient([hangAndRecord(clock, aborts)], {
      clock,
      timeout: 1000,
    });
    const error = await rejection(client.extractRuns.retrieve("exr_1"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      limit: "attempt",
      timeoutMs: 1000,
      attempts: 3,
      outcomeUnknown: true,
    });
    expect(hits).toHaveLength(3);
    expect(aborts.map((at, i) => at - (hits[i]?.at ?? 0))).toEqual([1000, 1000, 1000]);
    expectNoCanary(error, logs);
  });

  it("C2 headers sent, then the body stalls after '{': the timeout still fires", async () => {
    const clock = new VirtualClock();
    const stream = { cancelled: false };
    const stalled = () => dripping(clock, ["{"], 10, stream);
    const { client, logs, rejection } = makeClient([stalled], {
      clock,
      timeout: 1000,
      maxRetries: 0,
    });
    const start = clock.now();
    const error = await rejection(client.extractRuns.retrieve("exr_1"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(clock.now() - start).toBe(1000);
    expect(stream.cancelled).toBe(true);
    expectNoCanary(error, logs);
  });

  it("C3 headers dripped slower than the timeout, and a body dripped 1 byte per 0.9 T: the absolute deadline fires", async () => {
    const clock = new VirtualClock();
    const slowHeaders = () =>
      new Promise<Response>((resolve) => clock.setTimeout(() => resolve(ok()), 5 * 900));
    const headers = makeClient([slowHeaders], { clock, timeout: 1000, maxRetries: 0 });
    const start = clock.now();
    expect(await headers.rejection(headers.client.extractRuns.retrieve("exr_1"))).toBeInstanceOf(
      TimeoutError,
    );
    expect(clock.now() - start).toBe(1000);

    const bodyClock = new VirtualClock();
    const bytes = [...JSON.stringify(RUN)];
    const body = makeClient([() => dripping(bodyClock, bytes, 900)], {
      clock: bodyClock,
      timeout: 1000,
      maxRetries: 0,
    });
    const bodyStart = bodyClock.now();
    const error = await body.rejection(body.client.extractRuns.retrieve("exr_1"));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(bodyClock.now() - bodyStart).toBe(1000);
    expectNoCanary(error, [...headers.logs, ...body.logs]);
  });

  it("C4 a signal aborted before the call rejects at once with 0 hits", async () => {
    const { client, clock, hits, logs, rejection } = makeClient([ok()]);
    const reason = new Error("not needed any more");
    const error = await rejection(
      client.extractRuns.retrieve("exr_1", { signal: AbortSignal.abort(reason) }),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toBe(reason);
    expect(hits).toHaveLength(0);
    expect(clock.pending).toBe(0);
    expectNoCanary(error, logs);
  });

  it("C5 abort mid-request rejects with AbortError and the server sees the request aborted", async () => {
    const controller = new AbortController();
    const { client, hits, logs } = makeClient(["hang"]);
    const call = client.extractRuns
      .retrieve("exr_1", { signal: controller.signal })
      .catch((e: unknown) => e);
    await flush();
    expect(hits).toHaveLength(1);
    controller.abort();
    const error = await call;
    expect(error).toBeInstanceOf(AbortError);
    expect(hits[0]?.signal.aborted).toBe(true);
    expectNoCanary(error, logs);
  });

  it("C5 over a real socket: the server sees the client disconnect", async () => {
    const controller = new AbortController();
    let closed!: () => void;
    const disconnected = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const server = createServer((request: IncomingMessage, response) => {
      response.on("close", closed);
      controller.abort(); // the request has arrived; the answer never will
      void request;
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const client = createClient({ apiKey: CANARY, baseUrl: `http://127.0.0.1:${port}` });
      const error = await client.extractRuns
        .retrieve("exr_1", { signal: controller.signal })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AbortError);
      await disconnected;
      expectNoCanary(error);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("C6 abort during a 30 s Retry-After sleep rejects at once; no further hit; the reason is the cause", async () => {
    const controller = new AbortController();
    const { client, clock, hits, logs } = makeClient([
      errorReply(429, {}, { "retry-after": "30" }),
      ok(),
    ]);
    const call = client.extractRuns
      .retrieve("exr_1", { signal: controller.signal })
      .catch((e: unknown) => e);
    await clock.advance(1000);
    const abortedAt = clock.now();
    const reason = new Error("user gave up");
    controller.abort(reason);
    const error = await call;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toBe(reason);
    expect(clock.now()).toBe(abortedAt);
    await clock.advance(60_000);
    expect(hits).toHaveLength(1);
    expect(clock.pending).toBe(0);
    expectNoCanary(error, logs);
  });

  it("C7 abort during the backoff after a network error rejects through the normal error path", async () => {
    const controller = new AbortController();
    const { client, clock, hits, logs } = makeClient([connectionFailure("ECONNRESET"), ok()], {
      random: () => 0.99,
    });
    const call = client.extractRuns.retrieve("exr_1", { signal: controller.signal });
    await flush();
    expect(hits).toHaveLength(1);
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(AbortError);
    expect(hits).toHaveLength(1);
    expect(clock.pending).toBe(0);
    expectNoCanary(await call.catch((e: unknown) => e), logs);
  });

  it("C8 a timeout and a user abort are distinct classes: the timeout is retried, the abort never", async () => {
    const timed = makeClient(["hang"], { timeout: 1000, maxRetries: 1 });
    const timeout = await timed.rejection(timed.client.extractRuns.retrieve("exr_1"));
    expect(timeout).toBeInstanceOf(TimeoutError);
    expect(timeout).not.toBeInstanceOf(AbortError);
    expect(timed.hits).toHaveLength(2);

    const controller = new AbortController();
    const aborted = makeClient(["hang"], { timeout: 1000, maxRetries: 1 });
    const call = aborted.client.extractRuns
      .retrieve("exr_1", { signal: controller.signal })
      .catch((e: unknown) => e);
    await flush();
    controller.abort();
    const abort = await call;
    expect(abort).toBeInstanceOf(AbortError);
    expect(abort).not.toBeInstanceOf(TimeoutError);
    expect(aborted.hits).toHaveLength(1);
    expectNoCanary(timeout, timed.logs);
    expectNoCanary(abort, aborted.logs);
  });

  it("C9 a per-request timeout of 100 ms wins over the client's 10 s", async () => {
    const { client, clock, logs, rejection } = makeClient(["hang"], {
      timeout: 10_000,
      maxRetries: 0,
    });
    const start = clock.now();
    const error = await rejection(client.extractRuns.retrieve("exr_1", { timeout: 100 }));
    expect(error).toMatchObject({ name: "TimeoutError", timeoutMs: 100 });
    expect(clock.now() - start).toBe(100);
    expectNoCanary(error, logs);
  });

  it("C10 after 1,000 calls that succeed, fail or abort, no timer and no abort listener is left", async () => {
    const replies = [ok(), errorReply(400), connectionFailure("ECONNRESET"), "hang" as const];
    let n = 0;
    const { client, clock, logs } = makeClient(
      [
        (request) => {
          const reply = replies[n++ % replies.length];
          if (reply === "hang") return hang(request);
          if (reply instanceof Error) throw reply;
          return (reply as Response).clone();
        },
      ],
      { timeout: 1000, maxRetries: 1, random: () => 0.5, logLevel: "info" },
    );
    const signals = Array.from({ length: 1000 }, () => new AbortController());
    const calls = signals.map((c) =>
      client.extractRuns.retrieve("exr_1", { signal: c.signal }).catch((e: unknown) => e),
    );
    for (const [i, c] of signals.entries()) if (i % 7 === 0) c.abort();
    const results = await clock.run(Promise.all(calls));
    expect(results.some((r) => r instanceof AbortError)).toBe(true);
    expect(results.some((r) => r instanceof TimeoutError)).toBe(true);
    expect(results.some((r) => (r as { status?: string }).status === "PROCESSED")).toBe(true);
    expect(clock.pending).toBe(0);
    for (const c of signals) expect(getEventListeners(c.signal, "abort")).toHaveLength(0);
    for (const result of results) expectNoCanary(result);
    expectNoCanary(undefined, logs);
  });

  it("C10 with the real clock and a real socket, calls leave no timer behind", async () => {
    const server = createServer((request, response) => {
      const fail = request.url?.includes("exr_bad");
      response.writeHead(fail ? 404 : 200, { "content-type": "application/json" });
      response.end(JSON.stringify(fail ? { code: "NOT_FOUND" } : RUN));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    try {
      const client = createClient({ apiKey: CANARY, baseUrl: `http://127.0.0.1:${port}` });
      const results: unknown[] = [];
      for (let i = 0; i < 100; i++) {
        const id = i % 2 === 0 ? "exr_1" : "exr_bad";
        results.push(await client.extractRuns.retrieve(id).catch((e: unknown) => e));
      }
      expect(results.filter((r) => r instanceof Error)).toHaveLength(50);
      expect(timers()).toBeLessThanOrEqual(before);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
