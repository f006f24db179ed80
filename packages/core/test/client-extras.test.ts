// Errors per status, redaction, logging, middleware, options and client.raw behaviour.
import { inspect } from "node:util";
import {
  AbortError,
  ApiError,
  ConflictError,
  type ConnectionError,
  createClient,
  ExtendError,
  InternalServerError,
  InvalidArgumentError,
  PaymentRequiredError,
  RateLimitError,
  ResponseError,
} from "@extendkit/core";
import { describe, expect, it } from "vitest";
import { CANARY, captureLogger, expectNoCanary } from "./helpers/canary.ts";
import { makeClient } from "./helpers/make-client.ts";
import { connectionFailure, errorReply } from "./helpers/scripted-fetch.ts";

const RUN = { object: "extract_run", id: "exr_1", status: "PROCESSED" };

describe("errors", () => {
  it.each([
    [402, PaymentRequiredError],
    [409, ConflictError],
    [429, RateLimitError],
    [500, InternalServerError],
    [504, InternalServerError],
    [418, ApiError],
  ] as const)("%i maps to %o, an ApiError and an ExtendError", async (status, ErrorClass) => {
    const { client, logs, rejection } = makeClient([errorReply(status, { retryable: false })]);
    const error = await rejection(client.extractRuns.retrieve("exr_1"));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(ExtendError);
    expect((error as Error).name).toBe(ErrorClass.name);
    expectNoCanary(error, logs);
  });

  it("an ApiError carries every documented field, and docUrl when sent", async () => {
    const reply = Response.json(
      {
        code: "INVALID_REQUEST",
        message: "bad",
        retryable: false,
        requestId: "req_9",
        docUrl: "https://docs.extend.ai/x",
      },
      { status: 400 },
    );
    const { client, rejection } = makeClient([reply]);
    const error = (await rejection(
      client.parseRuns.retrieve("pr_1", { responseType: "json" }),
    )) as ApiError;
    expect(error).toMatchObject({
      status: 400,
      code: "INVALID_REQUEST",
      message: "GET /parse_runs/pr_1 failed with 400 INVALID_REQUEST: bad (request req_9)",
      retryable: false,
      requestId: "req_9",
      docUrl: "https://docs.extend.ai/x",
      method: "GET",
      path: "/parse_runs/pr_1",
      attempts: 1,
    });
    expect(error.headers).toBeInstanceOf(Headers);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "BadRequestError",
      status: 400,
      code: "INVALID_REQUEST",
    });
  });

  it("the key is redacted from bodies, headers, causes, abort reasons, JSON and inspect", async () => {
    const { client, logs, rejection } = makeClient([errorReply(400)]);
    const api = (await rejection(client.extractRuns.retrieve("exr_1"))) as ApiError;
    expect(JSON.stringify(api.body)).toContain("[REDACTED]");
    expect(api.headers.get("x-echo")).toBe("[REDACTED]");
    expectNoCanary(api, logs);

    const net = makeClient([connectionFailure("ECONNRESET")], { maxRetries: 0 });
    const connection = (await net.rejection(
      net.client.extractRuns.retrieve("exr_1"),
    )) as ConnectionError;
    expect(connection.code).toBe("ECONNRESET");
    expect(inspect(connection, { depth: 10 })).toContain("[REDACTED]");
    expectNoCanary(connection, net.logs);

    const aborted = makeClient([]);
    const reason = new Error(`cancelled by ${CANARY}`);
    const abort = await aborted.rejection(
      aborted.client.extractRuns.retrieve("exr_1", { signal: AbortSignal.abort(reason) }),
    );
    expect(abort).toBeInstanceOf(AbortError);
    expectNoCanary(abort, aborted.logs);

    const odd = makeClient([
      () => Response.json({ id: CANARY }, { headers: { "x-request-id": CANARY } }),
    ]);
    const mismatch = await odd.rejection(odd.client.extractRuns.delete("exr_1"));
    expect(mismatch).toBeInstanceOf(ResponseError);
    expectNoCanary(mismatch, odd.logs);
  });

  it("createClient rejects bad options without echoing the key", () => {
    for (const options of [
      { apiKey: `${CANARY}\r\nX-Evil: 1` },
      { apiKey: CANARY, maxRetries: -1 },
      { apiKey: CANARY, timeout: 0 },
      { apiKey: CANARY, baseUrl: "ftp://x.test" },
      { apiKey: CANARY, logLevel: "verbose" },
      { apiKey: CANARY, workspaceId: "ws 1" },
    ]) {
      let error: unknown;
      try {
        createClient(options as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expectNoCanary(error);
    }
  });
});

describe("logging", () => {
  it("logs attempts at debug and retries at info, never the key", async () => {
    const { client, logs, settle } = makeClient([errorReply(503), Response.json(RUN)]);
    await settle(client.extractRuns.retrieve("exr_1"));
    expect(
      logs.some((l) => l.startsWith("debug extendkit: GET /extract_runs/exr_1 attempt 1")),
    ).toBe(true);
    expect(
      logs.some((l) => l.startsWith("info extendkit: retrying GET /extract_runs/exr_1 in")),
    ).toBe(true);
    expectNoCanary(undefined, logs);
  });

  it("logLevel filters lines; no logger means nothing is logged; a throwing logger is ignored", async () => {
    const log = captureLogger();
    const fetch = async () => (fetch.n++ === 0 ? errorReply(503) : Response.json(RUN));
    fetch.n = 0;
    const client = createClient({
      apiKey: CANARY,
      fetch,
      logger: log.logger,
      logLevel: "warn",
      random: () => 0,
    });
    await client.extractRuns.retrieve("exr_1");
    expect(log.lines).toEqual([]);
    const boom = () => {
      throw new Error("logger down");
    };
    const loud = createClient({
      apiKey: CANARY,
      fetch: async () => Response.json(RUN),
      logger: { debug: boom, info: boom, warn: boom, error: boom },
      logLevel: "debug",
    });
    await expect(loud.extractRuns.retrieve("exr_1")).resolves.toEqual(RUN);
  });
});

describe("middleware and client.raw", () => {
  it("client.use passes middleware to openapi-fetch: one request per call, whatever the retries, without the key", async () => {
    const { client, hits, settle } = makeClient([
      errorReply(503),
      errorReply(503),
      Response.json(RUN),
    ]);
    const seen: string[] = [];
    const middleware = {
      onRequest({ request }: { request: Request }) {
        seen.push(`${request.method} ${request.headers.get("authorization") ?? "no key"}`);
      },
      onResponse({ response }: { response: Response }) {
        seen.push(`status ${response.status}`);
      },
    };
    client.use(middleware);
    await settle(client.extractRuns.retrieve("exr_1"));
    expect(seen).toEqual(["GET no key", "status 200"]);
    expect(hits).toHaveLength(3);
    client.eject(middleware);
    await settle(client.extractRuns.retrieve("exr_1"));
    expect(seen).toHaveLength(2);
  });

  it("a middleware may replace the response; its body is parsed", async () => {
    const { client, settle } = makeClient([Response.json(RUN)]);
    client.use({ onResponse: () => Response.json({ ...RUN, status: "FAILED" }) });
    await expect(settle(client.extractRuns.retrieve("exr_1"))).resolves.toMatchObject({
      status: "FAILED",
    });
  });

  it("client.raw shares retries and refuses a non-JSON 2xx", async () => {
    const { client, hits, settle, rejection } = makeClient([
      errorReply(503),
      Response.json(RUN),
      new Response("<html>"),
    ]);
    const { data, response } = await settle(
      client.raw.GET("/extract_runs/{id}", { params: { path: { id: "exr_1" } } }),
    );
    expect(response.status).toBe(200);
    expect(data).toEqual(RUN);
    expect(hits).toHaveLength(2);
    const error = await rejection(
      client.raw.GET("/extract_runs/{id}", { params: { path: { id: "exr_1" } } }),
    );
    expect(error).toBeInstanceOf(ResponseError);
  });

  it("a raw run-creating POST is never replayed blindly", async () => {
    const { client, hits, rejection } = makeClient([
      connectionFailure("ECONNRESET"),
      Response.json(RUN),
    ]);
    const error = await rejection(
      client.raw.POST("/extract_runs", {
        body: { file: { url: "https://x.test/a.pdf" } } as never,
      }),
    );
    expect(error).toMatchObject({ name: "ConnectionError", outcomeUnknown: true });
    expect(hits).toHaveLength(1);
  });
});

describe("retry budget", () => {
  it("retries spend the client's budget, successes earn it back; an empty budget means no retry", async () => {
    let failing = true;
    const { client, hits, logs, rejection, settle } = makeClient(
      [() => (failing ? errorReply(503) : Response.json(RUN))],
      { retryBudget: 20 },
    );
    const read = () => client.extractRuns.retrieve("exr_1");
    await rejection(read()); // 2 retries: 10 tokens left
    await rejection(read()); // 2 retries: 0 left
    expect(hits).toHaveLength(6);
    const error = await rejection(read()); // no token: one hit
    expect(hits).toHaveLength(7);
    expect(logs.some((l) => l.includes("retry budget is spent"))).toBe(true);
    failing = false;
    for (let i = 0; i < 5; i++) await settle(read()); // +1 each
    failing = true;
    await rejection(read()); // 5 tokens: one retry
    expect(hits).toHaveLength(7 + 5 + 2);
    expectNoCanary(error, logs);
  });

  it("retryBudget: false never stops a retry the policy allows", async () => {
    const { client, hits, rejection } = makeClient([errorReply(503)], {
      retryBudget: false,
      maxRetries: 3,
    });
    for (let i = 0; i < 40; i++) await rejection(client.extractRuns.retrieve("exr_1"));
    expect(hits).toHaveLength(160);
  });
});
