import { createEmulator, EMULATOR_API_KEY, EMULATOR_WORKSPACE_ID } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { api, CREATE, setup } from "./helpers.ts";

const KEYS = [
  { key: "sk_test_ws_a", scope: "workspace", workspaceId: "ws_a" },
  { key: "sk_test_ws_b", scope: "workspace", workspaceId: "ws_b" },
  { key: "sk_test_org", scope: "organization", workspaceIds: ["ws_a", "ws_b"] },
] as const;

describe("auth and tenancy", () => {
  it("exports the default credentials", () => {
    expect(EMULATOR_API_KEY).toBe("sk_test_emulator");
    expect(EMULATOR_WORKSPACE_ID).toBe("ws_emulator");
  });

  it.each([
    ["missing", null],
    ["malformed", "Token abc"],
    ["unknown", "Bearer sk_test_wrong_key_123"],
  ])("a %s key is 401 UNAUTHORIZED with Extend's body, never echoing the key", async (_, value) => {
    const { call } = setup();
    const res = await call("GET", "/extract_runs", undefined, { authorization: value });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "UNAUTHORIZED", retryable: false });
    expect(res.body.requestId).toBe(res.headers.get("x-extend-request-id"));
    expect(res.text).not.toContain("sk_test");
  });

  it("runs are isolated per workspace: another workspace's run is 404", async () => {
    const emu = createEmulator({ keys: [...KEYS] });
    const a = api(emu, { authorization: "Bearer sk_test_ws_a" });
    const b = api(emu, { authorization: "Bearer sk_test_ws_b" });
    const run = await a("POST", "/extract_runs", CREATE["/extract_runs"]);
    expect((await b("GET", `/extract_runs/${run.body.id}`)).status).toBe(404);
    expect((await b("DELETE", `/extract_runs/${run.body.id}`)).status).toBe(404);
    expect((await b("GET", "/extract_runs")).body.data).toEqual([]);
    expect((await a("GET", `/extract_runs/${run.body.id}`)).status).toBe(200);
    expect(emu.records.requests.map((r) => r.workspaceId)).toEqual([
      "ws_a",
      "ws_b",
      "ws_b",
      "ws_b",
      "ws_a",
    ]);
  });

  it("organization keys need x-extend-workspace-id and act in the workspace it names", async () => {
    const emu = createEmulator({ keys: [...KEYS] });
    const org = api(emu, { authorization: "Bearer sk_test_org" });
    const a = api(emu, { authorization: "Bearer sk_test_ws_a" });
    const missing = await org("GET", "/extract_runs");
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain("x-extend-workspace-id");
    const run = await a("POST", "/extract_runs", CREATE["/extract_runs"]);
    expect(
      (
        await org("GET", `/extract_runs/${run.body.id}`, undefined, {
          "x-extend-workspace-id": "ws_a",
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await org("GET", `/extract_runs/${run.body.id}`, undefined, {
          "x-extend-workspace-id": "ws_b",
        })
      ).status,
    ).toBe(404);
    const other = await org("GET", "/extract_runs", undefined, {
      "x-extend-workspace-id": "ws_zzz",
    });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe("FORBIDDEN");
  });

  it("a workspace key naming another workspace is 403; naming its own is fine", async () => {
    const { call } = setup();
    expect(
      (await call("GET", "/extract_runs", undefined, { "x-extend-workspace-id": "ws_other" }))
        .status,
    ).toBe(403);
    expect(
      (
        await call("GET", "/extract_runs", undefined, {
          "x-extend-workspace-id": EMULATOR_WORKSPACE_ID,
        })
      ).status,
    ).toBe(200);
  });

  it("API version: 2026-02-09 and a missing header are served; legacy and unknown versions are 400", async () => {
    const { call } = setup();
    expect(
      (await call("GET", "/extract_runs", undefined, { "x-extend-api-version": null })).status,
    ).toBe(200);
    const legacy = await call("GET", "/extract_runs", undefined, {
      "x-extend-api-version": "2025-04-21",
    });
    expect(legacy.status).toBe(400);
    expect(legacy.body.message).toContain("legacy");
    expect(
      (await call("GET", "/extract_runs", undefined, { "x-extend-api-version": "v2" })).status,
    ).toBe(400);
  });
});
