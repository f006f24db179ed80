// Catalogue D (reliability.md §2.2): malformed and unexpected responses.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type ApiError,
  BadRequestError,
  ConnectionError,
  createClient,
  InternalServerError,
  NotFoundError,
  RedirectError,
  ResponseError,
} from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { CANARY, expectNoCanary } from "./helpers/canary.ts";
import { makeClient } from "./helpers/make-client.ts";

const RUN = { object: "extract_run", id: "exr_1", status: "PROCESSED" };
const ok = () => Response.json(RUN);
const json = (text: BodyInit, status = 200, type = "application/json") =>
  new Response(text, { status, headers: { "content-type": type } });

/** A body that sends `prefix` and then fails like a connection reset. */
function resetMidBody(prefix: string): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(prefix));
      controller.error(
        Object.assign(new Error(`socket hang up (${CANARY})`), { code: "ECONNRESET" }),
      );
    },
  });
  return new Response(body, { headers: { "content-type": "application/json" } });
}

async function listen(
  handler: Parameters<typeof createServer>[1],
): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

describe("D. malformed and unexpected responses", () => {
  it("D1 a 502 CDN HTML page is a typed 502 with a sanitised excerpt of at most 1 KB, retried as a 5xx", async () => {
    const page = `<html>\n<body>\u0007Bad gateway ${CANARY} ${"x".repeat(5000)}</body></html>`;
    const always = makeClient([json(page, 502, "text/html")]);
    const error = (await always.rejection(always.client.extractRuns.retrieve("exr_1"))) as ApiError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, code: "HTTP_502", attempts: 3 });
    expect(typeof error.body).toBe("string");
    expect((error.body as string).length).toBeLessThanOrEqual(1024);
    expect(error.body).toMatch(/^<html> <body> Bad gateway \[REDACTED\] x+/);
    expect(always.hits).toHaveLength(3);
    const once = makeClient([json(page, 502, "text/html"), ok()]);
    await expect(once.settle(once.client.extractRuns.retrieve("exr_1"))).resolves.toEqual(RUN);
    expectNoCanary(error, [...always.logs, ...once.logs]);
  });

  it("D2 a 200 text/html (captive or challenge page) is a typed error, never a success", async () => {
    const page = json("<html>Please sign in to the Wi-Fi</html>", 200, "text/html; charset=utf-8");
    const { client, hits, logs, rejection } = makeClient([page]);
    const error = await rejection(client.extractRuns.delete("exr_1"));
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({
      reason: "content-type",
      status: 200,
      contentType: "text/html; charset=utf-8",
    });
    expect(hits).toHaveLength(1);
    expectNoCanary(error, logs);
  });

  it("D3 JSON cut off mid-string is a truncated-body transport error: GET and DELETE retry", async () => {
    const cut = () => json('{"object":"extract_run","id":"exr_1","status":"PROC');
    const get = makeClient([cut, ok()]);
    await expect(get.settle(get.client.extractRuns.retrieve("exr_1"))).resolves.toEqual(RUN);
    expect(get.hits).toHaveLength(2);
    const del = makeClient([() => json('{"id":"exr_'), Response.json({ id: "exr_1" })]);
    await expect(del.settle(del.client.extractRuns.delete("exr_1"))).resolves.toEqual({
      id: "exr_1",
    });
    const always = makeClient([cut], { maxRetries: 1 });
    const error = await always.rejection(always.client.extractRuns.retrieve("exr_1"));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/cut off/);
    expectNoCanary(error, [...get.logs, ...del.logs, ...always.logs]);
  });

  it("D3 a reset mid-body: GET retries; cancel goes to reconciliation by reading the run", async () => {
    const get = makeClient([() => resetMidBody('{"id":"ex'), ok()]);
    await expect(get.settle(get.client.extractRuns.retrieve("exr_1"))).resolves.toEqual(RUN);
    expect(get.hits).toHaveLength(2);
    const cancelled = { ...RUN, status: "CANCELLED" };
    const cancel = makeClient([
      (r) => (r.method === "GET" ? Response.json(cancelled) : resetMidBody("{")),
    ]);
    await expect(cancel.settle(cancel.client.extractRuns.cancel("exr_1"))).resolves.toEqual(
      cancelled,
    );
    expect(cancel.hits.map((h) => h.method)).toEqual(["POST", "GET"]);
    expectNoCanary(undefined, [...get.logs, ...cancel.logs]);
  });

  it("D3 a real socket destroyed mid-body is retried by a GET", async () => {
    let hits = 0;
    const { server, port } = await listen((_request, response) => {
      hits++;
      response.writeHead(200, { "content-type": "application/json", "content-length": "200" });
      if (hits === 1) {
        response.write('{"object":"extract_run","id":"ex');
        response.socket?.destroy();
      } else response.end(JSON.stringify(RUN).padEnd(200, " "));
    });
    try {
      const client = createClient({
        apiKey: CANARY,
        baseUrl: `http://127.0.0.1:${port}`,
        random: () => 0,
      });
      await expect(client.extractRuns.retrieve("exr_1")).resolves.toEqual(RUN);
      expect(hits).toBe(2);
    } finally {
      await close(server);
    }
  });

  it('D4 a complete but malformed JSON body ({"id":}) is a typed invalid-JSON error, not retried', async () => {
    const { client, hits, logs, rejection } = makeClient([json('{"id":}'), ok()]);
    const error = await rejection(client.extractRuns.retrieve("exr_1"));
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ reason: "invalid-json", excerpt: '{"id":}' });
    expect(hits).toHaveLength(1);
    expectNoCanary(error, logs);
  });

  it("D5 a status the schema does not know (ARCHIVED) passes through as a string", async () => {
    const { client, settle } = makeClient([Response.json({ ...RUN, status: "ARCHIVED" })]);
    const run = await settle(client.extractRuns.retrieve("exr_1"));
    expect(run.status).toBe("ARCHIVED");
  });

  it("D6 extra unknown fields, nested and top level, are kept untouched", async () => {
    const body = {
      ...RUN,
      futureField: { nested: [1, { deep: true }] },
      output: { value: {}, extra: "x" },
    };
    const { client, settle } = makeClient([Response.json(body)]);
    expect(await settle(client.extractRuns.retrieve("exr_1"))).toEqual(body);
  });

  it.each([
    [
      "plain text",
      new Response("upstream exploded", { status: 400, statusText: "Bad Request" }),
      "HTTP_400",
      "Bad Request",
    ],
    [
      "a wrapped error",
      Response.json({ error: { code: "INVALID_REQUEST", message: "nope" } }, { status: 400 }),
      "INVALID_REQUEST",
      "nope",
    ],
    ["an error string", Response.json({ error: "nope" }, { status: 400 }), "HTTP_400", "nope"],
    [
      "an empty body",
      new Response(null, { status: 400, statusText: "Bad Request" }),
      "HTTP_400",
      "Bad Request",
    ],
  ])(
    "D7 an error body in another shape (%s) still gives status, code, request id and a message",
    async (_label, reply, code, text) => {
      const headers = new Headers(reply.headers);
      headers.set("x-extend-request-id", "req_d7");
      const withId = new Response(reply.body, {
        status: reply.status,
        statusText: reply.statusText,
        headers,
      });
      const { client, logs, rejection } = makeClient([withId]);
      const error = await rejection(client.extractRuns.retrieve("exr_1"));
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).toMatchObject({ status: 400, code, requestId: "req_d7" });
      expect((error as Error).message).toContain(text);
      expectNoCanary(error, logs);
    },
  );

  it.each([
    ["application/problem+json", json(JSON.stringify(RUN), 200, "application/problem+json")],
    [
      "Application/JSON; charset=UTF-8",
      json(JSON.stringify(RUN), 200, "Application/JSON; charset=UTF-8"),
    ],
    [
      "a UTF-8 BOM",
      json(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(JSON.stringify(RUN))])),
    ],
  ])("D8 %s is parsed", async (_label, reply) => {
    const { client, settle } = makeClient([reply]);
    expect(await settle(client.extractRuns.retrieve("exr_1"))).toEqual(RUN);
  });

  it("D8 an application/problem+json error body is parsed for its code", async () => {
    const problem = json(
      JSON.stringify({ code: "NOT_FOUND", message: "gone", retryable: false }),
      404,
      "application/problem+json",
    );
    const { client, logs, rejection } = makeClient([problem]);
    const error = await rejection(client.extractRuns.retrieve("exr_1"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: "NOT_FOUND" });
    expectNoCanary(error, logs);
  });

  it("D9 a 50 MB response body is read and parsed; the client keeps working", {
    timeout: 300_000, // a hang guard only: 50 MB read and parsed on a busy shared machine
  }, async () => {
    const item = JSON.stringify({ id: "exr_x", status: "PROCESSED", pad: "p".repeat(1000) });
    const encoder = new TextEncoder();
    const block = encoder.encode(`${Array.from({ length: 1000 }, () => item).join(",")},`);
    const blocks = 50; // 50 × ~1 MB
    const big = () => {
      let sent = 0;
      return new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent === 0) controller.enqueue(encoder.encode('{"object":"list","data":['));
            controller.enqueue(block);
            if (++sent === blocks) {
              controller.enqueue(encoder.encode(`${item}]}`));
              controller.close();
            }
          },
        }),
        { headers: { "content-type": "application/json" } },
      );
    };
    const { client, settle } = makeClient([big, Response.json({ object: "list", data: [] })]);
    const page = await settle(client.extractRuns.list().page());
    expect(page.data).toHaveLength(blocks * 1000 + 1);
    expect(await settle(client.extractRuns.list().page())).toEqual({ object: "list", data: [] });
  });

  it("D10 a 302 to another origin, Authorization set, is not followed; nothing reaches that origin", async () => {
    const other = await listen((_request, response) => response.end("stolen"));
    let otherHits = 0;
    other.server.on("request", () => otherHits++);
    const api = await listen((_request, response) => {
      response
        .writeHead(302, { location: `http://localhost:${other.port}/steal?key=${CANARY}` })
        .end();
    });
    try {
      const client = createClient({ apiKey: CANARY, baseUrl: `http://127.0.0.1:${api.port}` });
      const error = await client.extractRuns.delete("exr_1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ status: 302, location: `http://localhost:${other.port}` });
      expect(otherHits).toBe(0);
      expectNoCanary(error);
    } finally {
      await close(api.server);
      await close(other.server);
    }
  });

  it("D11 a 302 to the same host on another port, or from https to http, is not followed", async () => {
    const other = await listen((_request, response) => response.end("{}"));
    let otherHits = 0;
    other.server.on("request", () => otherHits++);
    const api = await listen((_request, response) => {
      response
        .writeHead(307, { location: `http://127.0.0.1:${other.port}/extract_runs/exr_1` })
        .end();
    });
    try {
      const client = createClient({ apiKey: CANARY, baseUrl: `http://127.0.0.1:${api.port}` });
      expect(await client.extractRuns.retrieve("exr_1").catch((e: unknown) => e)).toBeInstanceOf(
        RedirectError,
      );
      expect(otherHits).toBe(0);
    } finally {
      await close(api.server);
      await close(other.server);
    }
    const downgrade = new Response(null, {
      status: 301,
      headers: { location: "http://api.extend.ai/extract_runs/exr_1" },
    });
    const { client, hits, logs, rejection } = makeClient([downgrade]);
    const error = await rejection(client.extractRuns.retrieve("exr_1"));
    expect(error).toBeInstanceOf(RedirectError);
    expect(hits.map((h) => h.url)).toEqual(["https://api.extend.ai/extract_runs/exr_1"]);
    expectNoCanary(error, logs);
  });

  it("D12 repeated or comma-joined Retry-After headers: the first valid value, deterministically", async () => {
    const twice = () => {
      const headers = new Headers({ "content-type": "application/json" });
      headers.append("retry-after", "2");
      headers.append("retry-after", "5");
      return new Response('{"code":"RATE_LIMIT_EXCEEDED","retryable":true}', {
        status: 429,
        headers,
      });
    };
    for (let run = 0; run < 2; run++) {
      const { client, hits, settle } = makeClient([twice, ok()]);
      await settle(client.extractRuns.retrieve("exr_1"));
      expect((hits[1]?.at ?? 0) - (hits[0]?.at ?? 0)).toBe(2000);
    }
    const dates = makeClient([]);
    const first = new Date(dates.clock.now() + 3000).toUTCString();
    const second = new Date(dates.clock.now() + 9000).toUTCString();
    const joined = new Response("{}", {
      status: 503,
      headers: { "retry-after": `${first}, ${second}` },
    });
    const { client, hits, settle } = makeClient([joined, ok()]);
    await settle(client.extractRuns.retrieve("exr_1"));
    expect((hits[1]?.at ?? 0) - (hits[0]?.at ?? 0)).toBe(3000);
  });
});
