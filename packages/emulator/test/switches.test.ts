import { createEmulator, DEFAULT_SWITCHES } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { api, BATCH, CREATE, setup } from "./helpers.ts";

// Every switch (REFERENCE §8 open questions), under each of its settings.
describe("switches", () => {
  it.each([
    [{ status: 400, code: "INVALID_REQUEST" }],
    [{ status: 409, code: "RUN_NOT_CANCELLABLE" }],
    [{ status: 422, code: "INVALID_STATE" }],
  ] as const)("cancelNotAllowed %o", async (setting) => {
    const { emu, call } = setup({ switches: { cancelNotAllowed: setting } });
    const run = emu.seedRun({ kind: "extractRuns", status: "PROCESSED" });
    const res = await call("POST", `/extract_runs/${run.id}/cancel`);
    expect(res.status).toBe(setting.status);
    expect(res.body.code).toBe(setting.code);
  });

  it.each([
    ["workflow", "CANCELLING", "CANCELLED"],
    ["all", "CANCELLING", "CANCELLING"],
    ["none", "CANCELLED", "CANCELLED"],
  ] as const)(
    "cancelling: %s (workflow answers %s, extract answers %s)",
    async (setting, workflow, extract) => {
      const { emu, call } = setup({ switches: { cancelling: setting } });
      const w = await call("POST", "/workflow_runs", CREATE["/workflow_runs"]);
      const e = await call("POST", "/extract_runs", CREATE["/extract_runs"]);
      expect((await call("POST", `/workflow_runs/${w.body.id}/cancel`)).body.status).toBe(workflow);
      expect((await call("POST", `/extract_runs/${e.body.id}/cancel`)).body.status).toBe(extract);
      await emu.clock.advance(500);
      expect((await call("GET", `/workflow_runs/${w.body.id}`)).body.status).toBe("CANCELLED");
      expect((await call("GET", `/extract_runs/${e.body.id}`)).body.status).toBe("CANCELLED");
    },
  );

  it.each([
    [false, 400],
    [true, 200],
  ])("cancelPending: %s → a PENDING extract run's cancel is %i", async (setting, status) => {
    const { call } = setup({ switches: { cancelPending: setting } });
    const batch = await call("POST", "/extract_runs/batch", BATCH["/extract_runs/batch"]);
    const [member] = (await call("GET", `/extract_runs?batchId=${batch.body.id}`)).body.data;
    expect((await call("POST", `/extract_runs/${member.id}/cancel`)).status).toBe(status);
  });

  it.each([
    ["CANCELLED", 200, "CANCELLED"],
    ["FAILED", 200, "FAILED"],
    ["reject", 400, "PROCESSING"],
  ] as const)("parseCancel: %s", async (setting, status, after) => {
    const { call } = setup({ switches: { parseCancel: setting } });
    const run = await call("POST", "/parse_runs", CREATE["/parse_runs"]);
    expect((await call("POST", `/parse_runs/${run.body.id}/cancel`)).status).toBe(status);
    const got = (await call("GET", `/parse_runs/${run.body.id}`)).body;
    expect(got.status).toBe(after);
    if (setting === "FAILED") expect(got.failureReason).toBe("ABORTED");
  });

  it("defaultPageSize and maxPageSize", async () => {
    const { emu, call } = setup({ switches: { defaultPageSize: 2, maxPageSize: 3 } });
    for (let i = 0; i < 5; i++) emu.seedRun({ kind: "parseRuns" });
    expect((await call("GET", "/parse_runs")).body.data).toHaveLength(2);
    expect((await call("GET", "/parse_runs?maxPageSize=50")).body.data).toHaveLength(3);
  });

  it.each([
    ["maxPageSize", "maxPageSize=1", 1],
    ["maxPageSize", "limit=1", 3],
    ["limit", "limit=1", 1],
    ["limit", "maxPageSize=1", 3],
  ] as const)("parsePageSizeParam: %s with ?%s gives %i runs", async (setting, query, n) => {
    const { emu, call } = setup({ switches: { parsePageSizeParam: setting } });
    for (let i = 0; i < 3; i++) emu.seedRun({ kind: "parseRuns" });
    expect((await call("GET", `/parse_runs?${query}`)).body.data).toHaveLength(n);
    if (setting === "limit") expect((await call("GET", "/parse_runs?limit=0")).status).toBe(400);
  });

  it.each([
    ["updatedAt", "desc", ["b", "c", "a"]],
    ["createdAt", "desc", ["c", "b", "a"]],
    ["createdAt", "asc", ["a", "b", "c"]],
    ["updatedAt", "asc", ["a", "c", "b"]],
  ] as const)("defaultSortBy %s, defaultSortDir %s", async (by, dir, order) => {
    const { emu, call } = setup({ switches: { defaultSortBy: by, defaultSortDir: dir } });
    const t = Date.parse("2026-03-01T00:00:00Z");
    emu.seedRun({ kind: "extractRuns", fileName: "a", createdAt: t, updatedAt: t });
    emu.seedRun({ kind: "extractRuns", fileName: "b", createdAt: t + 1, updatedAt: t + 9 });
    emu.seedRun({ kind: "extractRuns", fileName: "c", createdAt: t + 2, updatedAt: t + 5 });
    const res = await call("GET", "/extract_runs");
    expect(res.body.data.map((r: { file: { name: string } }) => r.file.name)).toEqual(order);
  });

  it.each([
    ["cursor", ["2", "3"]],
    ["offset", ["4", "5"]],
  ] as const)("pagination: %s (page 2 after deleting page 1 shows %o)", async (setting, page2) => {
    const { emu, call } = setup({
      switches: { pagination: setting, defaultSortBy: "createdAt", defaultSortDir: "asc" },
    });
    const t = Date.parse("2026-03-01T00:00:00Z");
    for (let i = 0; i < 6; i++)
      emu.seedRun({ kind: "extractRuns", fileName: String(i), createdAt: t + i });
    const first = await call("GET", "/extract_runs?maxPageSize=2");
    for (const r of first.body.data) await call("DELETE", `/extract_runs/${r.id}`);
    const second = await call(
      "GET",
      `/extract_runs?maxPageSize=2&nextPageToken=${encodeURIComponent(first.body.nextPageToken)}`,
    );
    expect(second.body.data.map((r: { file: { name: string } }) => r.file.name)).toEqual(page2);
  });

  it.each([
    ["omit", undefined, false],
    ["emptyString", "", false],
    ["emptyPage", "token", true],
  ] as const)("lastPage: %s", async (setting, token, extra) => {
    const { emu, call } = setup({ switches: { lastPage: setting } });
    emu.seedRun({ kind: "extractRuns" });
    const last = await call("GET", "/extract_runs");
    if (token === "token") expect(typeof last.body.nextPageToken).toBe("string");
    else expect(last.body.nextPageToken).toBe(token);
    if (extra) {
      const after = await call(
        "GET",
        `/extract_runs?nextPageToken=${encodeURIComponent(last.body.nextPageToken)}`,
      );
      expect(after.body.data).toEqual([]);
      expect(after.body).not.toHaveProperty("nextPageToken");
    }
  });

  it.each([
    ["seconds", "1"],
    ["http-date", new Date(Date.parse("2026-03-01T00:00:01Z")).toUTCString()],
    ["none", null],
  ] as const)("retryAfter: %s", async (setting, header) => {
    const { call } = setup({ rateLimits: { get: 1 }, switches: { retryAfter: setting } });
    await call("GET", "/extract_runs");
    const res = await call("GET", "/extract_runs");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe(header);
  });

  it.each([false, true])("rateLimitHeaders: %s", async (setting) => {
    const { call } = setup({ rateLimits: { get: 5 }, switches: { rateLimitHeaders: setting } });
    const res = await call("GET", "/extract_runs");
    expect(res.headers.get("x-ratelimit-limit")).toBe(setting ? "5" : null);
    expect(res.headers.get("x-ratelimit-remaining")).toBe(setting ? "4" : null);
  });

  it.each([
    ["error", { code: "RATE_LIMIT_EXCEEDED", retryable: true }],
    ["legacy", { error: "Rate limit exceeded." }],
  ] as const)("rateLimitBody: %s", async (setting, body) => {
    const { call } = setup({ rateLimits: { get: 1 }, switches: { rateLimitBody: setting } });
    await call("GET", "/extract_runs");
    expect((await call("GET", "/extract_runs")).body).toMatchObject(body);
  });

  it.each([
    ["accept", 200],
    ["reject", 400],
  ] as const)("missingApiVersion: %s", async (setting, status) => {
    const { call } = setup({ switches: { missingApiVersion: setting } });
    expect(
      (await call("GET", "/extract_runs", undefined, { "x-extend-api-version": null })).status,
    ).toBe(status);
  });

  it.each([
    [{ status: 400, code: "INVALID_REQUEST" }],
    [{ status: 401, code: "UNAUTHORIZED" }],
    [{ status: 403, code: "FORBIDDEN" }],
  ] as const)("orgKeyWithoutWorkspace %o", async (setting) => {
    const emu = createEmulator({
      keys: [{ key: "sk_test_org", scope: "organization", workspaceIds: ["ws_a"] }],
      switches: { orgKeyWithoutWorkspace: setting },
    });
    const res = await api(emu, { authorization: "Bearer sk_test_org" })("GET", "/extract_runs");
    expect([res.status, res.body.code]).toEqual([setting.status, setting.code]);
  });

  it.each([
    ["reject", 403],
    ["ignore", 200],
  ] as const)("foreignWorkspaceHeader: %s", async (setting, status) => {
    const { call } = setup({ switches: { foreignWorkspaceHeader: setting } });
    expect(
      (await call("GET", "/extract_runs", undefined, { "x-extend-workspace-id": "ws_x" })).status,
    ).toBe(status);
  });

  it.each([
    ["allow", 200],
    ["reject", 400],
  ] as const)("deleteNonTerminal: %s", async (setting, status) => {
    const { call } = setup({ switches: { deleteNonTerminal: setting } });
    const run = await call("POST", "/extract_runs", CREATE["/extract_runs"]);
    expect((await call("DELETE", `/extract_runs/${run.body.id}`)).status).toBe(status);
  });

  it.each([404, 200] as const)("repeatDelete: %i", async (setting) => {
    const { emu, call } = setup({ switches: { repeatDelete: setting } });
    const run = emu.seedRun({ kind: "parseRuns" });
    await call("DELETE", `/parse_runs/${run.id}`);
    const again = await call("DELETE", `/parse_runs/${run.id}`);
    expect(again.status).toBe(setting);
    if (setting === 200) expect(again.body).toEqual({ id: run.id });
    expect((await call("GET", `/parse_runs/${run.id}`)).status).toBe(404);
    expect(emu.records.effects(String(run.id)).deleted).toBe(1);
  });

  it.each([false, true])("idempotencyKeys: %s", async (setting) => {
    const { emu, call } = setup({ switches: { idempotencyKeys: setting } });
    const h = { "idempotency-key": "k1" };
    const a = await call("POST", "/parse_runs", CREATE["/parse_runs"], h);
    const b = await call("POST", "/parse_runs", CREATE["/parse_runs"], h);
    expect(b.body.id === a.body.id).toBe(setting);
    expect(emu.runIds()).toHaveLength(setting ? 1 : 2);
    if (setting) {
      expect(b.headers.get("idempotent-replayed")).toBe("true");
      expect((await call("POST", "/parse_runs", { file: { id: "file_other" } }, h)).status).toBe(
        400,
      );
    }
  });

  it.each([400, 422] as const)("invalidRequestStatus: %i", async (setting) => {
    const { call } = setup({ switches: { invalidRequestStatus: setting } });
    expect((await call("POST", "/extract_runs/batch", { inputs: [] })).status).toBe(setting);
  });

  it("setSwitches changes them at run time; reset restores the options' switches", async () => {
    const { emu } = setup({ switches: { repeatDelete: 200 } });
    emu.setSwitches({ repeatDelete: 404, cancelling: "none" });
    expect(emu.switches).toMatchObject({ repeatDelete: 404, cancelling: "none" });
    emu.reset();
    expect(emu.switches).toEqual({ ...DEFAULT_SWITCHES, repeatDelete: 200 });
  });
});
