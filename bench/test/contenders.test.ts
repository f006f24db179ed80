import { createEmulator, EMULATOR_API_KEY } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { contenders } from "../src/contenders/index.ts";
import { createStubFetch } from "../src/stub-fetch.ts";

const BASE = "http://bench.invalid/v1";
const ID = "exr_Xj8mK2pL9nR4vT7qY5wZ";

describe.each(contenders.map((c) => [c.name, c] as const))("contender %s", (_name, contender) => {
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

describe.each(contenders.map((c) => [c.name, c] as const))(
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
