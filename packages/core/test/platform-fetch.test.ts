// Without a `fetch` option the client calls the platform's fetch with the URL and init, so the
// platform builds the only Request; a given `fetch` always receives a Request (ClientOptions.fetch).
import { createClient, TimeoutError } from "@extendkit/core";
import { afterEach, describe, expect, it } from "vitest";

const RUN = { object: "extract_run", id: "exr_1", status: "CANCELLED" };
const original = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = original;
});

function spyOnGlobalFetch(answer: (request: Request) => Promise<Response>) {
  const calls: { input: unknown; init: RequestInit | undefined }[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ input, init });
    return answer(new Request(input, init));
  }) as typeof fetch;
  return calls;
}

describe("the platform's fetch", () => {
  it("gets the URL and an init with the headers, the attempt's signal and redirect: manual", async () => {
    const calls = spyOnGlobalFetch(async () => Response.json(RUN));
    const client = createClient({
      apiKey: "sk_test_platform",
      baseUrl: "https://api.example.test",
    });
    expect(await client.extractRuns.cancel("exr_1")).toEqual(RUN);
    expect(calls).toHaveLength(1);
    const [{ input, init }] = calls as [(typeof calls)[number]];
    expect(input).toBe("https://api.example.test/extract_runs/exr_1/cancel");
    expect(init?.method).toBe("POST");
    expect(init?.redirect).toBe("manual");
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    expect(new Headers(init?.headers).get("authorization")).toBe("Bearer sk_test_platform");
  });

  it("is still aborted by the attempt's timer", async () => {
    const calls = spyOnGlobalFetch(
      (request) =>
        new Promise((_, reject) =>
          request.signal.addEventListener("abort", () => reject(request.signal.reason)),
        ),
    );
    const client = createClient({ apiKey: "sk_test_platform", timeout: 20, maxRetries: 0 });
    await expect(client.extractRuns.retrieve("exr_1")).rejects.toBeInstanceOf(TimeoutError);
    expect(calls[0]?.init?.signal?.aborted).toBe(true);
  });

  it("a given fetch, or a concurrency limit, gets a Request", async () => {
    const seen: unknown[] = [];
    const given = createClient({
      apiKey: "sk_test_platform",
      fetch: async (request) => {
        seen.push(request);
        return Response.json(RUN);
      },
    });
    await given.extractRuns.cancel("exr_1");
    const calls = spyOnGlobalFetch(async () => Response.json(RUN));
    const limited = createClient({ apiKey: "sk_test_platform", maxConcurrency: 2 });
    await limited.extractRuns.cancel("exr_1");
    expect(seen[0]).toBeInstanceOf(Request);
    expect(calls[0]?.input).toBeInstanceOf(Request);
  });

  it("bulk jobs too: deleteMany gives the platform's fetch the URL and init, one request per run", async () => {
    const calls = spyOnGlobalFetch(async (request) =>
      Response.json({ id: decodeURIComponent(new URL(request.url).pathname.split("/")[2] ?? "") }),
    );
    const client = createClient({
      apiKey: "sk_test_platform",
      baseUrl: "https://api.example.test",
    });
    const report = await client.runs.deleteMany(["exr_1", "pr_2", "workflow_run_3"]);
    expect(report.counts.deleted).toBe(3);
    expect(calls).toHaveLength(3);
    for (const { input, init } of calls) {
      expect(typeof input).toBe("string");
      expect(init?.method).toBe("DELETE");
      expect(init?.signal).toBeInstanceOf(AbortSignal);
      expect(new Headers(init?.headers).get("authorization")).toBe("Bearer sk_test_platform");
    }
    // A given fetch still gets a Request in bulk jobs.
    const seen: unknown[] = [];
    const given = createClient({
      apiKey: "sk_test_platform",
      fetch: async (request) => {
        seen.push(request);
        return Response.json({ id: "exr_1" });
      },
    });
    expect((await given.runs.deleteMany(["exr_1"])).counts.deleted).toBe(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(Request);
  });
});
