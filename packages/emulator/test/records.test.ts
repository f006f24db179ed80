import { describe, expect, it } from "vitest";
import { CREATE, setup } from "./helpers.ts";

describe("records", () => {
  it("log every request without the key, with operationId, status, workspace and fault", async () => {
    const { emu, call } = setup();
    emu.addFault({ routes: "extractRuns.list", fault: { type: "error", status: 503 }, count: 1 });
    await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    await call("GET", "/extract_runs");
    await call("GET", "/nope");
    const log = emu.records.requests;
    expect(log.map((r) => [r.seq, r.method, r.operationId, r.status, r.fault])).toEqual([
      [1, "POST", "extractRuns.create", 200, null],
      [2, "GET", "extractRuns.list", 503, "error"],
      [3, "GET", null, 404, null],
    ]);
    expect(log[0]).toMatchObject({
      keyIndex: 0,
      workspaceId: "ws_emulator",
      at: Date.parse("2026-03-01T00:00:00Z"),
    });
    expect(JSON.stringify(log)).not.toContain("sk_test");
  });

  it("maxInFlight counts concurrent requests (held by latency)", async () => {
    const { emu, call } = setup();
    emu.addFault({ fault: { type: "latency", ms: 100 } });
    const pending = Array.from({ length: 4 }, () => call("GET", "/extract_runs"));
    await new Promise((r) => setTimeout(r, 5));
    expect(emu.records.inFlight).toBe(4);
    await emu.clock.advance(100);
    await Promise.all(pending);
    expect(emu.records.maxInFlight).toBe(4);
    expect(emu.records.inFlight).toBe(0);
  });

  it("effects count state changes per run, so 'deleted exactly once' is checkable", async () => {
    const { emu, call } = setup({ switches: { repeatDelete: 200 } });
    const run = await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    await call("DELETE", `/extract_runs/${run.body.id}`);
    await call("DELETE", `/extract_runs/${run.body.id}`);
    expect(emu.records.effects(run.body.id)).toEqual({
      created: 1,
      updated: 0,
      cancelled: 0,
      deleted: 1,
      deletedByOthers: 0,
      completedByRace: 0,
    });
    expect(emu.records.effects("exr_never")).toMatchObject({ deleted: 0 });
    expect([...emu.records.allEffects().keys()]).toEqual([run.body.id]);
  });

  it("clear() empties them; reset() restores the initial state and replays ids", async () => {
    const { emu, call } = setup();
    const first = await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    emu.records.clear();
    expect(emu.records.requests).toEqual([]);
    emu.reset();
    expect(emu.runIds()).toEqual([]);
    const again = await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get("x-extend-request-id")).toBe(first.headers.get("x-extend-request-id"));
  });
});
