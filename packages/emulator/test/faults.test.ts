import { createEmulator, type FaultRule, isConnectionReset } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { api, BASE, CREATE, setup } from "./helpers.ts";

const once = (fault: FaultRule["fault"], routes: FaultRule["routes"] = "*"): FaultRule => ({
  routes,
  fault,
  count: 1,
});

const raw = (
  emu: ReturnType<typeof createEmulator>,
  method: string,
  path: string,
  signal?: AbortSignal,
) =>
  emu.fetch(`${BASE}${path}`, {
    method,
    headers: { authorization: "Bearer sk_test_emulator" },
    ...(signal ? { signal } : {}),
  });

describe("fault types (in-process)", () => {
  it("latency delays the answer on the emulator clock", async () => {
    const { emu, call } = setup({ faults: [once({ type: "latency", ms: 200 })] });
    let done = false;
    const p = call("GET", "/extract_runs").then((r) => {
      done = true;
      return r;
    });
    await emu.clock.advance(199);
    expect(done).toBe(false);
    await emu.clock.advance(1);
    expect((await p).status).toBe(200);
  });

  it("error: status, code, retryable and Retry-After (seconds or HTTP date); nothing applied", async () => {
    const { emu, call } = setup({
      faults: [
        once({ type: "error", status: 429, retryAfter: 3 }, "extractRuns.create"),
        once(
          { type: "error", status: 503, retryAfter: { dateOffsetMs: 2000 } },
          "extractRuns.list",
        ),
      ],
    });
    const a = await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    expect(a.status).toBe(429);
    expect(a.body).toMatchObject({ code: "RATE_LIMIT_EXCEEDED", retryable: true });
    expect(a.headers.get("retry-after")).toBe("3");
    expect(emu.runIds()).toEqual([]);
    const b = await call("GET", "/extract_runs");
    expect(b.status).toBe(503);
    expect(b.headers.get("retry-after")).toBe(
      new Date(Date.parse("2026-03-01T00:00:02Z")).toUTCString(),
    );
  });

  it("html: a CDN page with text/html", async () => {
    const { call } = setup({ faults: [once({ type: "html", status: 502 })] });
    const res = await call("GET", "/extract_runs");
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.text).toContain("<html>");
  });

  it("resetBeforeCommit: fetch rejects like a reset connection and nothing is applied", async () => {
    const { emu, call } = setup({ faults: [once({ type: "resetBeforeCommit" })] });
    const error = await call("POST", "/extract_runs", CREATE["/extract_runs"]).catch((e) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(isConnectionReset(error)).toBe(true);
    expect(error.cause.code).toBe("ECONNRESET");
    expect(emu.runIds()).toEqual([]);
    expect(emu.records.requests[0]?.status).toBeNull();
  });

  it("resetAfterCommit: the delete happens, the answer is lost", async () => {
    const { emu, call } = setup();
    const run = await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    emu.addFault(once({ type: "resetAfterCommit" }, "*.delete"));
    await expect(call("DELETE", `/extract_runs/${run.body.id}`)).rejects.toThrow(TypeError);
    expect(emu.records.effects(run.body.id).deleted).toBe(1);
    expect((await call("DELETE", `/extract_runs/${run.body.id}`)).status).toBe(404);
  });

  it("resetMidBody: headers and a prefix arrive, then reading the body fails", async () => {
    const { emu } = setup({ faults: [once({ type: "resetMidBody", afterBytes: 10 })] });
    const res = await raw(emu, "GET", "/extract_runs");
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('{"object":');
    const error = await reader.read().catch((e) => e);
    expect(isConnectionReset(error)).toBe(true);
    expect(emu.records.inFlight).toBe(0);
  });

  it("truncatedJson: the body ends cleanly but is not JSON", async () => {
    const { emu } = setup({ faults: [once({ type: "truncatedJson" })] });
    const res = await raw(emu, "GET", "/extract_runs");
    const text = await res.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("slowBody: bytes arrive at bytesPerSecond on the emulator clock", async () => {
    const { emu } = setup({ faults: [once({ type: "slowBody", bytesPerSecond: 10 })] });
    const res = await raw(emu, "GET", "/extract_runs");
    const body = res.text();
    const size = '{"object":"list","data":[]}'.length; // 27 bytes at 1 byte per 100 ms
    await emu.clock.advance(size * 100 + 100);
    expect(JSON.parse(await body)).toEqual({ object: "list", data: [] });
  });

  it("stall: headers, then nothing until the client aborts", async () => {
    const { emu } = setup({ faults: [once({ type: "stall" })] });
    const controller = new AbortController();
    const res = await raw(emu, "GET", "/extract_runs", controller.signal);
    expect(res.status).toBe(200);
    const text = res.text();
    expect(emu.records.inFlight).toBe(1);
    controller.abort(new DOMException("gave up", "AbortError"));
    await expect(text).rejects.toMatchObject({ name: "AbortError" });
    expect(emu.records.inFlight).toBe(0);
  });

  it("dripHeaders: in-process, the answer waits head-size × msPerByte", async () => {
    const { emu, call } = setup({ faults: [once({ type: "dripHeaders", msPerByte: 10 })] });
    let done = false;
    const p = call("GET", "/extract_runs").then((r) => {
      done = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 10)); // let the request reach its dripped head
    await emu.clock.advance(100);
    expect(done).toBe(false);
    await emu.clock.advance(10_000);
    expect((await p).status).toBe(200);
  });

  it("outsideDelete: someone else deletes the run first; the client's delete is a 404", async () => {
    const { emu, call } = setup();
    const run = await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    emu.addFault(once({ type: "outsideDelete" }, "*.delete"));
    expect((await call("DELETE", `/extract_runs/${run.body.id}`)).status).toBe(404);
    expect(emu.records.effects(run.body.id)).toMatchObject({ deleted: 0, deletedByOthers: 1 });
  });

  it("raceCompletion: the run completes just before the cancel, which is then refused", async () => {
    const { emu, call } = setup();
    const run = await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    emu.addFault(once({ type: "raceCompletion" }, "*.cancel"));
    const res = await call("POST", `/extract_runs/${run.body.id}/cancel`);
    expect(res.status).toBe(400);
    expect((await call("GET", `/extract_runs/${run.body.id}`)).body.status).toBe("PROCESSED");
    expect(emu.records.effects(run.body.id)).toMatchObject({ cancelled: 0, completedByRace: 1 });
  });

  it("emptyPage and repeatPage shape list answers", async () => {
    const { emu, call } = setup();
    for (let i = 0; i < 3; i++) await call("POST", "/parse_runs", CREATE["/parse_runs"]);
    emu.addFault(once({ type: "emptyPage" }, "*.list"));
    const empty = await call("GET", "/parse_runs?maxPageSize=2");
    expect(empty.body.data).toEqual([]);
    const after = await call(
      "GET",
      `/parse_runs?maxPageSize=2&nextPageToken=${encodeURIComponent(empty.body.nextPageToken)}`,
    );
    expect(after.body.data).toHaveLength(2);
    emu.addFault(once({ type: "repeatPage" }, "*.list"));
    const token = after.body.nextPageToken;
    const repeated = await call(
      "GET",
      `/parse_runs?maxPageSize=2&nextPageToken=${encodeURIComponent(token)}`,
    );
    expect(repeated.body.nextPageToken).toBe(token);
  });

  it("unknownFields: an unknown status and nested fields, still spec-valid", async () => {
    const { emu, call } = setup();
    const run = await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    emu.addFault(once({ type: "unknownFields" }, "extractRuns.retrieve"));
    const res = await call("GET", `/extract_runs/${run.body.id}`);
    expect(res.body.status).toBe("ARCHIVED");
    expect(res.body.futureField.nested).toBeTruthy();
  });
});

describe("fault rules", () => {
  it("match operationIds with wildcards and never touch other routes", async () => {
    const { call } = setup({
      faults: [{ routes: ["*.delete"], fault: { type: "error", status: 500 } }],
    });
    expect((await call("GET", "/extract_runs")).status).toBe(200);
    expect((await call("DELETE", "/extract_runs/exr_1")).status).toBe(500);
    expect((await call("DELETE", "/parse_runs/pr_1")).status).toBe(500);
  });

  it("count, skip and window", async () => {
    const { emu, call } = setup({
      faults: [
        { fault: { type: "error", status: 503 }, skip: 1, count: 2, window: { durationMs: 1000 } },
      ],
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call("GET", "/extract_runs")).status);
    expect(statuses).toEqual([200, 503, 503, 200]);
    emu.clearFaults();
    emu.addFault({
      fault: { type: "error", status: 503 },
      window: { startMs: 100, durationMs: 100, everyMs: 1000 },
    });
    const at = async (ms: number) => {
      await emu.clock.advance(ms);
      return (await call("GET", "/extract_runs")).status;
    };
    expect([await at(0), await at(100), await at(100), await at(900)]).toEqual([
      200, 503, 200, 503,
    ]);
  });

  it("probability draws are seeded: the same seed gives the same faults, another seed others", async () => {
    const pattern = async (seed: number) => {
      const emu = createEmulator({
        seed,
        faults: [{ fault: { type: "error", status: 500 }, probability: 0.3 }],
      });
      const call = api(emu);
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await call("GET", "/extract_runs")).status);
      return out.join(",");
    };
    const a = await pattern(7);
    expect(await pattern(7)).toBe(a);
    expect(await pattern(8)).not.toBe(a);
    const hits = a.split(",").filter((s) => s === "500").length;
    expect(hits).toBeGreaterThan(4);
    expect(hits).toBeLessThan(20);
  });

  it("faults() lists rules with their fire counts; removeFault removes one", async () => {
    const { emu, call } = setup();
    const id = emu.addFault({ routes: "extractRuns.list", fault: { type: "error", status: 500 } });
    await call("GET", "/extract_runs");
    expect(emu.faults()).toMatchObject([{ id, fired: 1 }]);
    expect(emu.removeFault(id)).toBe(true);
    expect((await call("GET", "/extract_runs")).status).toBe(200);
  });
});

describe("control endpoint", () => {
  const control = (
    emu: ReturnType<typeof createEmulator>,
    method: string,
    path: string,
    body?: unknown,
  ) =>
    emu
      .fetch(`${BASE}/_emulator${path}`, {
        method,
        ...(body !== undefined
          ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } }
          : {}),
      })
      .then(async (r) => ({ status: r.status, body: await r.json() }));

  it("adds faults, advances the clock, seeds runs, reads records, resets", async () => {
    const emu = createEmulator();
    const call = api(emu);
    const added = await control(emu, "POST", "/faults", {
      routes: "*.list",
      fault: { type: "error", status: 502 },
      count: 1,
    });
    expect(added.body.id).toMatch(/^fault_/);
    expect((await call("GET", "/extract_runs")).status).toBe(502);
    const seeded = await control(emu, "POST", "/runs", {
      kind: "extractRuns",
      status: "PROCESSING",
    });
    await control(emu, "POST", "/clock/advance", { ms: 2000 });
    expect((await call("GET", `/extract_runs/${seeded.body.id}`)).body.status).toBe("PROCESSED");
    const records = await control(emu, "GET", "/records");
    expect(
      records.body.requests.filter((r: { operationId: string }) => r.operationId !== "control"),
    ).toHaveLength(2);
    expect((await control(emu, "POST", "/scenarios/F03")).body.ids).toHaveLength(1);
    expect(
      (await control(emu, "PATCH", "/switches", { repeatDelete: 200 })).body.repeatDelete,
    ).toBe(200);
    expect((await control(emu, "GET", "/")).body.clock).toBe("virtual");
    await control(emu, "POST", "/reset");
    expect(emu.runIds()).toEqual([]);
    expect(emu.switches.repeatDelete).toBe(404);
    expect((await control(emu, "POST", "/scenarios/F99")).status).toBe(400);
  });

  it("can be turned off", async () => {
    const emu = createEmulator({ controlPath: false });
    expect((await emu.fetch(`${BASE}/_emulator/records`)).status).toBe(404);
  });
});
