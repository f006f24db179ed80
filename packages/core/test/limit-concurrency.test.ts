import { createClient, InvalidArgumentError } from "@extendkit/core";
import { describe, expect, it } from "vitest";

describe("maxConcurrency", () => {
  it("keeps at most maxConcurrency requests in flight and still completes every call", async () => {
    let inFlight = 0;
    let peak = 0;
    const fetch = async (request: Request) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
      return Response.json({ id: new URL(request.url).pathname.split("/")[2], deleted: true });
    };
    const client = createClient({ apiKey: "sk_test_x", fetch, maxConcurrency: 3 });
    const ids = Array.from({ length: 20 }, (_, i) => `exr_${i}`);
    const results = await Promise.all(ids.map((id) => client.extractRuns.delete(id)));
    expect(results).toHaveLength(20);
    expect(peak).toBe(3);
  });

  it("drops an aborted waiter from the queue", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fetch = async () => {
      await gate;
      return Response.json({ id: "exr_1" });
    };
    const client = createClient({ apiKey: "sk_test_x", fetch, maxConcurrency: 1 });
    const first = client.extractRuns.retrieve("exr_1");
    const controller = new AbortController();
    const second = client.extractRuns.retrieve("exr_2", { signal: controller.signal });
    controller.abort(new Error("stop"));
    await expect(second).rejects.toThrow();
    release();
    await expect(first).resolves.toEqual({ id: "exr_1" });
  });

  it("rejects a maxConcurrency that is not a positive integer", () => {
    expect(() => createClient({ apiKey: "sk_test_x", maxConcurrency: 0 })).toThrow(
      InvalidArgumentError,
    );
  });
});

describe("apiKey: null", () => {
  it("sends no Authorization header, even one given per call", async () => {
    const seen: Request[] = [];
    const fetch = async (request: Request) => {
      seen.push(request);
      return Response.json({ id: "exr_1" });
    };
    const client = createClient({
      apiKey: null,
      baseUrl: "https://proxy.example/api/extend",
      fetch,
    });
    await client.extractRuns.retrieve("exr_1", { headers: { authorization: "Bearer x" } });
    expect(seen[0]?.headers.has("authorization")).toBe(false);
    expect(seen[0]?.url).toBe("https://proxy.example/api/extend/extract_runs/exr_1");
  });

  it("requires a baseUrl", () => {
    expect(() => createClient({ apiKey: null })).toThrow(/needs a baseUrl/);
  });
});
