// Catalogue A (reliability.md §2.2): retries and backoff. Virtual clock; injected fetch.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ApiError,
  AuthenticationError,
  BACKOFF_CAP_MS,
  BadRequestError,
  backoffDelay,
  ConnectionError,
  createClient,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { CANARY, expectNoCanary } from "./helpers/canary.ts";
import { makeClient } from "./helpers/make-client.ts";
import { connectionFailure, errorReply } from "./helpers/scripted-fetch.ts";

const RUN = { object: "extract_run", id: "exr_1", status: "PROCESSED" };
const ok = () => Response.json(RUN);
const gaps = (hits: { at: number }[]) => hits.slice(1).map((h, i) => h.at - (hits[i]?.at ?? 0));

describe("A. retries and backoff", () => {
  it("A1 DELETE: 503 then 200 resolves after exactly 2 hits", async () => {
    const { client, hits, logs, settle } = makeClient([
      errorReply(503),
      Response.json({ id: "exr_1" }),
    ]);
    await expect(settle(client.extractRuns.delete("exr_1"))).resolves.toEqual({ id: "exr_1" });
    expect(hits).toHaveLength(2);
    expectNoCanary(undefined, logs);
  });

  it("A2 DELETE: 500 on every attempt rejects with status, requestId and attempts; hits = 1 + maxRetries", async () => {
    const { client, hits, logs, rejection } = makeClient([
      errorReply(500, { requestId: "req_a2" }),
    ]);
    const error = await rejection(client.extractRuns.delete("exr_1"));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, requestId: "req_a2", attempts: 3 });
    expect(hits).toHaveLength(3);
    expectNoCanary(error, logs);
  });

  it("A3 429 + Retry-After: 2 makes the next hit come 2 s later", async () => {
    const { client, hits, logs, settle } = makeClient([
      errorReply(429, {}, { "retry-after": "2" }),
      ok(),
    ]);
    await settle(client.extractRuns.retrieve("exr_1"));
    expect(gaps(hits)).toEqual([2000]);
    expectNoCanary(undefined, logs);
  });

  it("A4 Retry-After as an HTTP date: 3 s ahead waits 3 s; a past date falls back to backoff", async () => {
    const ahead = makeClient([]);
    const date = new Date(ahead.clock.now() + 3000).toUTCString();
    const future = makeClient([errorReply(429, {}, { "retry-after": date }), ok()]);
    await future.settle(future.client.extractRuns.retrieve("exr_1"));
    expect(gaps(future.hits)).toEqual([3000]);

    const pastDate = new Date(ahead.clock.now() - 3000).toUTCString();
    const past = makeClient([errorReply(429, {}, { "retry-after": pastDate }), ok()]);
    await past.settle(past.client.extractRuns.retrieve("exr_1"));
    const [gap] = gaps(past.hits);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(500);
    expectNoCanary(undefined, [...future.logs, ...past.logs]);
  });

  it("A5 retry-after-ms: 10 wins over Retry-After: 5", async () => {
    const reply = errorReply(429, {}, { "retry-after-ms": "10", "retry-after": "5" });
    const { client, hits, settle } = makeClient([reply, ok()]);
    await settle(client.extractRuns.retrieve("exr_1"));
    expect(gaps(hits)).toEqual([10]);
  });

  it.each(["3600", "999999999"])(
    "A6 Retry-After: %s is over the 60 s cap: fails fast with the advised wait on a typed error",
    async (value) => {
      const { client, clock, hits, logs, rejection } = makeClient([
        errorReply(429, {}, { "retry-after": value }),
        ok(),
      ]);
      const start = clock.now();
      const error = await rejection(client.extractRuns.retrieve("exr_1"));
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfterMs).toBe(Number(value) * 1000);
      expect((error as Error).message).toMatch(/wait \d+ s/);
      expect(hits).toHaveLength(1);
      expect(clock.now()).toBe(start);
      expectNoCanary(error, logs);
    },
  );

  it.each(["-1", "abc", "Infinity", "1e309"])(
    "A6 Retry-After: %s is unusable: backoff instead, never a sleep over the cap",
    async (value) => {
      const { client, hits, settle } = makeClient([
        errorReply(429, {}, { "retry-after": value }),
        ok(),
      ]);
      await settle(client.extractRuns.retrieve("exr_1"));
      expect(hits).toHaveLength(2);
      expect(gaps(hits)[0]).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    },
  );

  it("A7 Retry-After: 0 retries at once", async () => {
    const { client, hits, settle } = makeClient([
      errorReply(429, {}, { "retry-after": "0" }),
      ok(),
    ]);
    await settle(client.extractRuns.retrieve("exr_1"));
    expect(gaps(hits)).toEqual([0]);
  });

  it("A8 500 with retryable:false is not retried", async () => {
    const { client, hits, logs, rejection } = makeClient([
      errorReply(500, { retryable: false }),
      ok(),
    ]);
    const error = await rejection(client.extractRuns.retrieve("exr_1"));
    expect(error).toMatchObject({ status: 500, retryable: false, attempts: 1 });
    expect(hits).toHaveLength(1);
    expectNoCanary(error, logs);
  });

  it.each([
    [408, 2],
    [500, 2],
    [502, 2],
    [503, 2],
    [504, 2],
    [409, 1],
    [501, 1],
    [505, 1],
  ])("§1.3 a %i without a retryable flag: %i request(s)", async (status, requests) => {
    const { client, hits, settle } = makeClient([errorReply(status), ok()]);
    const outcome = await settle(client.extractRuns.retrieve("exr_1")).catch((e: unknown) => e);
    expect(hits).toHaveLength(requests);
    if (requests === 2) expect(outcome).toEqual(RUN);
    else expect(outcome).toMatchObject({ status, retryable: false });
  });

  it("§1.3 a create is repeated only after a 429 or 503 whose body says retryable: true", async () => {
    const created = Response.json({ ...RUN, status: "PENDING" });
    const body = { extractor: { id: "ex_1" }, file: { url: "https://example.com/a.pdf" } };
    for (const [reply, requests] of [
      [errorReply(503, { retryable: true }), 2],
      [errorReply(429, { retryable: true }), 2],
      [errorReply(503), 1],
      [errorReply(500, { retryable: true }), 1],
    ] as const) {
      const { client, hits, settle } = makeClient([reply, created]);
      await settle(client.extractRuns.create(body as never)).catch(() => undefined);
      expect(hits, `${reply.status}`).toHaveLength(requests);
    }
  });

  it("A9 409 with retryable:true is retried", async () => {
    const { client, hits, settle } = makeClient([errorReply(409, { retryable: true }), ok()]);
    await expect(settle(client.extractRuns.retrieve("exr_1"))).resolves.toEqual(RUN);
    expect(hits).toHaveLength(2);
  });

  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [422, UnprocessableEntityError],
  ] as const)(
    "A10 %i on a first attempt: one hit, typed error class",
    async (status, ErrorClass) => {
      const { client, hits, logs, rejection } = makeClient([errorReply(status), ok()]);
      const error = await rejection(client.extractRuns.retrieve("exr_1"));
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toMatchObject({ status, code: `CODE_${status}` });
      expect(hits).toHaveLength(1);
      expectNoCanary(error, logs);
    },
  );

  it("A11 DELETE: ECONNRESET before any response, then 200, resolves after 2 hits", async () => {
    const { client, hits, logs, settle } = makeClient([
      connectionFailure("ECONNRESET"),
      Response.json({ id: "exr_1" }),
    ]);
    await expect(settle(client.extractRuns.delete("exr_1"))).resolves.toEqual({ id: "exr_1" });
    expect(hits).toHaveLength(2);
    expectNoCanary(undefined, logs);
  });

  it("a DELETE whose answer was lost, then refused until retries ran out, fails with outcomeUnknown: the run may be gone", async () => {
    const { client, hits, logs, rejection } = makeClient([
      connectionFailure("ECONNRESET"),
      errorReply(429),
      errorReply(503),
    ]);
    const error = (await rejection(client.extractRuns.delete("exr_1"))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, attempts: 3, outcomeUnknown: true });
    expect(error.message).toMatch(/; it may have taken effect \(request req_503\)$/);
    expect(hits).toHaveLength(3);
    expectNoCanary(error, logs);
  });

  it("a call whose retried attempts all had a known outcome fails with outcomeUnknown false", async () => {
    const { client, rejection } = makeClient([
      connectionFailure("ECONNREFUSED"),
      errorReply(503),
      errorReply(503),
    ]);
    const error = (await rejection(client.extractRuns.delete("exr_1"))) as ApiError;
    expect(error).toMatchObject({ status: 503, outcomeUnknown: false });
    expect(error.message).not.toMatch(/may have taken effect/);
  });

  it("a connection failure known not to have been sent, after one that may have landed, has outcomeUnknown", async () => {
    const { client, rejection } = makeClient(
      [connectionFailure("ECONNRESET"), connectionFailure("ECONNREFUSED")],
      { maxRetries: 1 },
    );
    const error = await rejection(client.extractRuns.delete("exr_1"));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", attempts: 2, outcomeUnknown: true });
  });

  it("A12 ECONNREFUSED on every attempt: typed connection error after 1 + maxRetries hits, code kept", async () => {
    const { client, hits, logs, rejection } = makeClient([connectionFailure("ECONNREFUSED")]);
    const error = (await rejection(client.extractRuns.retrieve("exr_1"))) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", attempts: 3, outcomeUnknown: false });
    expect(((error.cause as Error).cause as { code: string }).code).toBe("ECONNREFUSED");
    expect(hits).toHaveLength(3);
    expectNoCanary(error, logs);
  });

  it("A12 ECONNREFUSED from a real closed port, through the runtime's own fetch", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const client = createClient({
      apiKey: CANARY,
      baseUrl: `http://127.0.0.1:${port}`,
      random: () => 0,
    });
    const error = (await client.extractRuns
      .retrieve("exr_1")
      .catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", attempts: 3 });
    expectNoCanary(error);
  });

  it("A13 1,000 sampled backoff delays per retry 0–9 lie between 0 and the 8 s cap", () => {
    for (let retry = 0; retry < 10; retry++) {
      const ceiling = Math.min(BACKOFF_CAP_MS, 500 * 2 ** retry);
      const samples = Array.from({ length: 1000 }, () => backoffDelay(retry));
      expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...samples)).toBeLessThanOrEqual(ceiling);
    }
  });

  it("A14 the same samples are jittered: at most 5% identical values per retry", () => {
    for (let retry = 0; retry < 10; retry++) {
      const samples = Array.from({ length: 1000 }, () => backoffDelay(retry));
      expect(samples.length - new Set(samples).size).toBeLessThanOrEqual(50);
    }
  });

  it("A15 the request-level maxRetries wins over the client's, both ways", async () => {
    const up = makeClient([errorReply(503)], { maxRetries: 0 });
    await up.rejection(up.client.extractRuns.retrieve("exr_1", { maxRetries: 1 }));
    expect(up.hits).toHaveLength(2);
    const down = makeClient([errorReply(503)], { maxRetries: 1 });
    const error = await down.rejection(
      down.client.extractRuns.retrieve("exr_1", { maxRetries: 0 }),
    );
    expect(down.hits).toHaveLength(1);
    expectNoCanary(error, [...up.logs, ...down.logs]);
  });

  it("A16 maxRetries 0 and a 503: exactly one hit", async () => {
    const { client, hits, logs, rejection } = makeClient([errorReply(503), ok()], {
      maxRetries: 0,
    });
    const error = await rejection(client.extractRuns.retrieve("exr_1"));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(hits).toHaveLength(1);
    expectNoCanary(error, logs);
  });

  it("A17 three attempts send the same method, URL, body and headers, none added twice", async () => {
    const run = { object: "workflow_run", id: "workflow_run_1", status: "PROCESSED" };
    const { client, hits, settle } = makeClient([
      errorReply(503),
      errorReply(502),
      Response.json(run),
    ]);
    await settle(
      client.workflowRuns.update(
        "workflow_run_1",
        { name: "Résumé 🧾", metadata: { k: "v" } },
        { headers: { "x-trace": "t1" } },
      ),
    );
    expect(hits).toHaveLength(3);
    const stable = hits.map((h) => ({
      method: h.method,
      url: h.url,
      body: h.body,
      headers: h.headers.filter(([name]) => name !== "x-extendkit-retry-count"),
    }));
    expect(stable[1]).toEqual(stable[0]);
    expect(stable[2]).toEqual(stable[0]);
    expect(JSON.parse(stable[0]?.body ?? "")).toEqual({ name: "Résumé 🧾", metadata: { k: "v" } });
    for (const [name, value] of stable[0]?.headers ?? []) {
      if (name !== "x-trace") expect(value, name).not.toContain(",");
    }
  });

  it("A18 a retryable failure with a large body is cancelled before the retry", async () => {
    let pulled = 0;
    let cancelled = false;
    const cancelledAtRetry: boolean[] = [];
    const large = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled += 16_384;
            controller.enqueue(new Uint8Array(16_384).fill(120));
            if (pulled >= 1_048_576) controller.close();
          },
          cancel() {
            cancelled = true;
          },
        }),
        { status: 503, headers: { "content-type": "text/html" } },
      );
    const { client, hits, settle } = makeClient([
      large,
      () => {
        cancelledAtRetry.push(cancelled);
        return ok();
      },
    ]);
    await settle(client.extractRuns.retrieve("exr_1"));
    expect(hits).toHaveLength(2);
    expect(cancelledAtRetry).toEqual([true]);
    expect(pulled).toBeLessThan(1_048_576);
  });

  it("A19 totalTimeout 10 s with 429 Retry-After: 4 on every reply stops before the deadline", async () => {
    const { client, clock, hits, logs, rejection } = makeClient(
      [errorReply(429, {}, { "retry-after": "4" })],
      {
        maxRetries: 10,
        totalTimeout: 10_000,
      },
    );
    const start = clock.now();
    const error = await rejection(client.extractRuns.retrieve("exr_1"));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(hits.map((h) => h.at - start)).toEqual([0, 4000, 8000]);
    expect(clock.now() - start).toBeLessThanOrEqual(10_000);
    expectNoCanary(error, logs);
  });

  it("A20 x-extendkit-retry-count is 0, 1, 2 across attempts, and the caller can turn it off", async () => {
    const on = makeClient([errorReply(503), errorReply(503), ok()]);
    await on.settle(on.client.extractRuns.retrieve("exr_1"));
    const counts = on.hits.map((h) => new Headers(h.headers).get("x-extendkit-retry-count"));
    expect(counts).toEqual(["0", "1", "2"]);
    const off = makeClient([errorReply(503), ok()], { retryCountHeader: false });
    await off.settle(off.client.extractRuns.retrieve("exr_1"));
    expect(off.hits.map((h) => new Headers(h.headers).has("x-extendkit-retry-count"))).toEqual([
      false,
      false,
    ]);
  });
});
