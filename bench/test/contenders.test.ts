import { createEmulator, EMULATOR_API_KEY } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { contenders, references } from "../src/contenders/index.ts";
import { createStubFetch } from "../src/stub-fetch.ts";

const BASE = "http://bench.invalid/v1";
const ID = "exr_Xj8mK2pL9nR4vT7qY5wZ";

// References (section 4's raw fetch with an abort timer) must do the same work as the contenders.
const everyone = [...contenders, ...references];

describe.each(everyone.map((c) => [c.name, c] as const))("contender %s", (_name, contender) => {
  it("really sends a cancel then a delete, with credentials and the API version", async () => {
    const stub = createStubFetch({ record: true });
    const api = contender.create({ fetch: stub.fetch, baseUrl: BASE, apiKey: "sk_test_bench" });

    const cancelled = await api.cancel(ID);
    const deleted = await api.delete(ID);

    expect(cancelled).toMatchObject({ object: "extract_run", status: "CANCELLED" });
    expect(deleted).toMatchObject({ id: ID });
    expect(stub.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `POST ${BASE}/extract_runs/${ID}/cancel`,
      `DELETE ${BASE}/extract_runs/${ID}`,
    ]);
    for (const call of stub.calls) {
      expect(call.headers.get("authorization")).toBe("Bearer sk_test_bench");
      expect(call.headers.get("x-extend-api-version")).toBe("2026-02-09");
    }
    expect(stub.counts).toEqual({ POST: 1, DELETE: 1, other: 0 });
  });

  it("turns a 404 into a rejected promise", async () => {
    const notFound = async () =>
      new Response('{"code":"NOT_FOUND","message":"gone","retryable":false}', {
        status: 404,
        headers: { "content-type": "application/json" },
      });
    const api = contender.create({ fetch: notFound, baseUrl: BASE, apiKey: "sk_test_bench" });
    await expect(api.delete(ID)).rejects.toThrow();
  });
});

describe.each(everyone.map((c) => [c.name, c] as const))(
  "contender %s against the emulator",
  (_name, contender) => {
    it("cancels then deletes a PROCESSING run for real", async () => {
      const emulator = createEmulator();
      const id = emulator.seedRun({ kind: "extractRuns", status: "PROCESSING" }).id as string;
      const api = contender.create({
        fetch: (input, init) => emulator.fetch(input, init),
        baseUrl: "http://emulator.invalid",
        apiKey: EMULATOR_API_KEY,
      });

      await api.cancel(id);
      expect(emulator.getRun(id)?.status).toBe("CANCELLED");
      await api.delete(id);

      expect(emulator.getRun(id)).toBeUndefined();
      expect(emulator.records.effects(id)).toMatchObject({ cancelled: 1, deleted: 1 });
    });
  },
);

describe("reference raw-fetch-timed", () => {
  it("bounds every request with its own live AbortSignal", async () => {
    const signals: (AbortSignal | null | undefined)[] = [];
    const stub = createStubFetch();
    const api = (references[0] as (typeof references)[0]).create({
      fetch: (input, init) => {
        signals.push(init?.signal);
        return stub.fetch(input, init);
      },
      baseUrl: BASE,
      apiKey: "sk_test_bench",
    });
    await api.cancel(ID);
    await api.delete(ID);
    expect(signals).toHaveLength(2);
    expect(signals.every((s) => s instanceof AbortSignal && !s.aborted)).toBe(true);
    expect(signals[0]).not.toBe(signals[1]);
  });
});
