import {
  ApiError,
  createBrowserClient,
  InvalidArgumentError,
  isAlreadyDeleted,
  NotCancellableError,
  NotFoundError,
  RateLimitError,
  ResponseError,
  TimeoutError,
  WaitTimeoutError,
  waitForRun,
  withRuns,
} from "@extendkit/browser";
import { createProxyHandler, DEFAULT_ALLOW, type ProxyOptions } from "@extendkit/browser/proxy";
import { type Backend, createBackend, EMULATOR_API_KEY, PROXY_ALLOW } from "@extendkit/conformance";
import { serveBackend, serveFetch } from "@extendkit/conformance/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

// The division of work between the browser client and the proxy: the page sends each call once;
// the proxy, holding the key, sends it upstream with core's retries and answers in a shape the
// browser client turns back into core's results and typed errors. The emulator is served over
// HTTP behind the proxy, which is served over HTTP too; the client sends with the runtime's fetch
// and the headers a same-origin page's request carries.
let backend: Backend;
let upstream: Awaited<ReturnType<typeof serveBackend>>;
const servers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  backend = createBackend();
  upstream = await serveBackend(backend);
  servers.push(upstream);
});
afterAll(() => Promise.all(servers.map((s) => s.close())));
beforeEach(() => backend.reset());

/** A browser client in front of a proxy in front of the emulator, counting what the page sent. */
async function setup(proxyOptions: Partial<ProxyOptions> = {}) {
  const sent: Request[] = [];
  const answers: Response[] = [];
  const proxy = createProxyHandler({
    apiKey: EMULATOR_API_KEY,
    baseUrl: upstream.url,
    allow: PROXY_ALLOW,
    rateLimit: false,
    authorize: () => true,
    ...proxyOptions,
  });
  const app = await serveFetch(proxy);
  servers.push(app);
  const client = createBrowserClient(
    {
      proxyUrl: `${app.url}/api/extend`,
      fetch: (request) => {
        sent.push(request);
        const headers = new Headers(request.headers);
        headers.set("origin", new URL(app.url).origin);
        headers.set("sec-fetch-site", "same-origin");
        return fetch(new Request(request, { headers })).then((answer) => {
          answers.push(answer);
          return answer;
        });
      },
    },
    withRuns,
  );
  return { client, sent, answers };
}

describe("the browser client through the proxy", () => {
  it("sends a call once; the proxy retries a 503 upstream and the call resolves", async () => {
    const { client, sent } = await setup();
    const id = await backend.seed("workflowRuns");
    backend.fault({ times: 1, status: 503 });
    const run = await client.runs.retrieve(id);
    expect((run as { id: string }).id).toBe(id);
    expect(sent).toHaveLength(1);
    expect(backend.paths()).toEqual([`/workflow_runs/${id}`, `/workflow_runs/${id}`]);
  });

  it("a result carries Extend's request id of the last upstream answer; the call's own marker never goes upstream", async () => {
    const upstreamSent: Request[] = [];
    const upstreamIds: (string | null)[] = [];
    const { client, answers } = await setup({
      fetch: async (request) => {
        upstreamSent.push(request);
        const answer = await fetch(request);
        upstreamIds.push(answer.headers.get("x-extend-request-id"));
        return answer;
      },
    });
    const id = await backend.seed("extractRuns", "PROCESSING");
    backend.fault({ times: 1, status: 503 });
    await client.extractRuns.cancel(id);
    expect(upstreamIds).toHaveLength(2);
    expect(upstreamIds[1]).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(upstreamIds[0]).not.toBe(upstreamIds[1]);
    expect(answers[0]?.status).toBe(200);
    expect(answers[0]?.headers.get("x-extend-request-id")).toBe(upstreamIds[1]);
    for (const request of upstreamSent) {
      expect(request.headers.has("x-extendkit-proxy-call")).toBe(false);
    }
  });

  it("a delete whose lost upstream answer was followed by 503s until retries ran out fails with outcomeUnknown: the run is gone", async () => {
    const { client, answers } = await setup();
    const id = await backend.seed("extractRuns");
    // The first attempt deletes the run and loses its answer; the two retries get 503s.
    backend.emulator.addFault({ fault: { type: "resetAfterCommit" }, count: 1 });
    backend.emulator.addFault({
      fault: { type: "error", status: 503, retryable: true },
      skip: 1,
      count: 2,
    });
    const error = await client.extractRuns.delete(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, outcomeUnknown: true });
    expect(answers[0]?.headers.get("x-extendkit-outcome-unknown")).toBe("1");
    expect(backend.emulator.getRun(id)).toBeUndefined();
    expect(backend.paths()).toHaveLength(3);
  });

  it("an upstream error after attempts whose outcome was known is not outcomeUnknown", async () => {
    const { client, answers } = await setup();
    const id = await backend.seed("extractRuns");
    backend.fault({ times: 3, status: 503 });
    const error = await client.extractRuns.delete(id).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, outcomeUnknown: false });
    expect(answers[0]?.headers.has("x-extendkit-outcome-unknown")).toBe(false);
    expect(backend.emulator.getRun(id)).toBeDefined();
  });

  it("a delete whose first upstream answer was lost resolves, marked already deleted", async () => {
    const { client, sent } = await setup();
    const id = await backend.seed("extractRuns");
    backend.emulator.addFault({ fault: { type: "resetAfterCommit" }, count: 1 });
    const result = await client.extractRuns.delete(id);
    expect(isAlreadyDeleted(result)).toBe(true);
    expect(sent).toHaveLength(1);
    expect(backend.paths()).toHaveLength(2);
    await expect(client.extractRuns.retrieve(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a plain delete is not marked; deleting the run again is a NotFoundError", async () => {
    const { client } = await setup();
    const id = await backend.seed("parseRuns");
    expect(isAlreadyDeleted(await client.parseRuns.delete(id))).toBe(false);
    await expect(client.parseRuns.delete(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a refused cancel is NotCancellableError, with the API's status and code", async () => {
    const { client } = await setup();
    const id = await backend.seed("classifyRuns", "PROCESSED");
    const error = await client.runs.cancel(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotCancellableError);
    expect((error as NotCancellableError).status).toBeGreaterThanOrEqual(400);
    expect((error as NotCancellableError).status).toBeLessThan(500);
    expect(String((error as Error).message)).not.toContain(EMULATOR_API_KEY);
  });

  it("the proxy's own rate limit is a RateLimitError with the wait in retryAfterMs", async () => {
    const { client, sent } = await setup({ rateLimit: { requests: 1, windowMs: 60_000 } });
    const id = await backend.seed("splitRuns");
    await client.splitRuns.retrieve(id);
    const error = await client.splitRuns.retrieve(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(0);
    expect((error as RateLimitError).retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(sent).toHaveLength(2);
    expect(backend.paths()).toHaveLength(1);
  });

  it("an upstream wait advised by the API reaches the page as retryAfterMs", async () => {
    const { client } = await setup({ maxRetries: 0 });
    const id = await backend.seed("editRuns");
    backend.emulator.addFault({
      fault: { type: "error", status: 429, retryable: true, retryAfter: 7 },
      count: 1,
    });
    const error = await client.editRuns.retrieve(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(7_000);
  });

  it("retry options are refused per call before anything is sent: retries are the proxy's", async () => {
    const { client, sent } = await setup();
    const id = await backend.seed("workflowRuns");
    for (const options of [
      { maxRetries: 5 },
      { idempotencyKey: "k" },
      { timeout: 0 },
      { timeout: Number.POSITIVE_INFINITY },
    ]) {
      await expect(client.workflowRuns.retrieve(id, options as never)).rejects.toBeInstanceOf(
        InvalidArgumentError,
      );
    }
    expect(sent).toHaveLength(0);
  });

  it("a page served where the proxy should be is a ResponseError, never a result", async () => {
    const client = createBrowserClient(
      {
        proxyUrl: "https://app.example/not-the-proxy",
        fetch: async () =>
          new Response("<!doctype html><title>app</title>", {
            headers: { "content-type": "text/html" },
          }),
      },
      withRuns,
    );
    const error = await client.runs.delete("workflow_run_1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).reason).toBe("invalid-json");
  });

  it("no answer within timeout is a TimeoutError, and the request is aborted", async () => {
    const { client } = await setup();
    const id = await backend.seed("workflowRuns");
    backend.fault({ times: 1, delayMs: 3_000 });
    const error = await client.workflowRuns.retrieve(id, { timeout: 100 }).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(100);
  });

  it("an upstream body over maxResponseBytes is a 502 upstream_too_large, not relayed", async () => {
    const { client } = await setup({ maxResponseBytes: 16, maxRetries: 0 });
    const id = await backend.seed("workflowRuns");
    const error = await client.workflowRuns.retrieve(id).catch((e: unknown) => e);
    expect((error as { status?: number }).status).toBe(502);
    expect((error as { code?: string }).code).toBe("upstream_too_large");
  });

  it("without withRuns a client has no runs; with it, runs routes by prefix", async () => {
    const plain = createBrowserClient({ proxyUrl: "https://app.example/api/extend" });
    expect("runs" in plain).toBe(false);
    const { client } = await setup();
    expect(client.runs.resourceFor("exr_1")).toBe("extractRuns");
    await expect(client.runs.cancel("sgr_1")).rejects.toBeInstanceOf(InvalidArgumentError);
  });

  it("waitForRun reads through the proxy until the run is final, and gives up on time", async () => {
    const { client, sent } = await setup();
    const id = await backend.seed("extractRuns", "PROCESSED");
    const run = await waitForRun(client, id);
    expect((run as { status: string }).status).toBe("PROCESSED");
    expect(sent).toHaveLength(1);
    const never = waitForRun(client, id, { until: () => false, interval: 20, timeout: 100 });
    await expect(never).rejects.toBeInstanceOf(WaitTimeoutError);
    await expect(waitForRun(client, "../x")).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(waitForRun(client, "unknown_1")).rejects.toBeInstanceOf(InvalidArgumentError);
  });

  it("a JSON body that is not an object is 400 invalid_body, and nothing goes upstream", async () => {
    const proxy = createProxyHandler({
      apiKey: EMULATOR_API_KEY,
      baseUrl: upstream.url,
      allow: [...DEFAULT_ALLOW, "workflowRuns.update"],
      rateLimit: false,
      authorize: () => true,
    });
    const id = await backend.seed("workflowRuns");
    for (const body of ["[1,2]", "null", '"text"', "{not json"]) {
      const response = await proxy(
        new Request(`https://app.example/api/extend/workflow_runs/${id}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: "https://app.example",
            "sec-fetch-site": "same-origin",
          },
          body,
        }),
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe("invalid_body");
    }
    expect(backend.paths()).toHaveLength(0);
  });

  it("bad upstream options fail when the handler is created, not per request", () => {
    for (const bad of [{ maxRetries: -1 }, { upstreamTimeoutMs: 0 }, { maxRetries: 1.5 }]) {
      expect(() =>
        createProxyHandler({ apiKey: EMULATOR_API_KEY, authorize: () => true, ...bad }),
      ).toThrow(InvalidArgumentError);
    }
  });

  it("a resource's shared id prefixes pass the proxy's prefix check (legacy batch processor runs)", async () => {
    const { client } = await setup();
    for (const id of ["batch_processor_run_1", "bpr_1"]) {
      // Forwarded: the emulator answers 404 for an unknown run, not the proxy's 400.
      await expect(client.batchProcessorRuns.get(id)).rejects.toBeInstanceOf(NotFoundError);
    }
    const refused = await client.batchProcessorRuns.get("exr_1").catch((e: unknown) => e);
    expect((refused as { code?: string }).code).toBe("id_type_mismatch");
    expect(backend.paths()).toEqual([
      "/batch_processor_runs/batch_processor_run_1",
      "/batch_processor_runs/bpr_1",
    ]);
  });
});
