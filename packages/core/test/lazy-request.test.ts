import { createClient } from "@extendkit/core";
import { afterEach, describe, expect, it } from "vitest";

const RealRequest = globalThis.Request;
const descriptor = Object.getOwnPropertyDescriptor(globalThis, "Request");

/** Counts reads of `globalThis.Request` (in Node 20 the first read loads undici). */
function countRequestReads(): { reads: number } {
  const counter = { reads: 0 };
  Object.defineProperty(globalThis, "Request", {
    configurable: true,
    get() {
      counter.reads++;
      return RealRequest;
    },
  });
  return counter;
}

afterEach(() => {
  if (descriptor) Object.defineProperty(globalThis, "Request", descriptor);
});

describe("createClient and globalThis.Request", () => {
  it("does not read globalThis.Request until a request is built", async () => {
    const counter = countRequestReads();
    const client = createClient({
      apiKey: "sk_test_lazy",
      fetch: async (request) =>
        Response.json({ id: new URL(request.url).pathname.split("/").pop() }),
    });
    expect(counter.reads).toBe(0);

    await expect(client.extractRuns.delete("exr_1")).resolves.toMatchObject({ id: "exr_1" });
    expect(counter.reads).toBeGreaterThan(0);
  });

  it("still accepts a Request returned by onRequest middleware", async () => {
    const seen: string[] = [];
    const client = createClient({
      apiKey: "sk_test_lazy",
      fetch: async (request) => {
        seen.push(request.headers.get("x-from-middleware") ?? "missing");
        return Response.json({ id: "exr_1" });
      },
    });
    client.use({
      onRequest: ({ request }) => {
        const headers = new Headers(request.headers);
        headers.set("x-from-middleware", "yes");
        return new Request(request, { headers });
      },
    });

    await client.extractRuns.delete("exr_1");

    expect(seen).toEqual(["yes"]);
  });
});
