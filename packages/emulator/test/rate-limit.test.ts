import { createEmulator } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { api, CREATE, setup } from "./helpers.ts";

describe("rate limits (off by default)", () => {
  it("are off by default", async () => {
    const { call } = setup();
    for (let i = 0; i < 50; i++) expect((await call("GET", "/extract_runs")).status).toBe(200);
  });

  it("429 RATE_LIMIT_EXCEEDED with Retry-After, per category, until the window ends", async () => {
    const { emu, call } = setup({ rateLimits: { get: 2, run: 1 } });
    expect((await call("GET", "/extract_runs")).status).toBe(200);
    expect((await call("GET", "/extract_runs")).status).toBe(200);
    const limited = await call("GET", "/extract_runs");
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: "RATE_LIMIT_EXCEEDED", retryable: true });
    expect(limited.headers.get("retry-after")).toBe("1");
    // RUN is a separate category; WRITE has no limit here.
    expect((await call("POST", "/parse_runs", CREATE["/parse_runs"])).status).toBe(200);
    expect((await call("POST", "/parse_runs", CREATE["/parse_runs"])).status).toBe(429);
    expect((await call("DELETE", "/parse_runs/pr_x")).status).toBe(404);
    await emu.clock.advance(1000);
    expect((await call("GET", "/extract_runs")).status).toBe(200);
  });

  it("is per key", async () => {
    const emu = createEmulator({
      rateLimits: { get: 1 },
      keys: [
        { key: "sk_test_one", scope: "workspace", workspaceId: "ws_1" },
        { key: "sk_test_two", scope: "workspace", workspaceId: "ws_1" },
      ],
    });
    const one = api(emu, { authorization: "Bearer sk_test_one" });
    const two = api(emu, { authorization: "Bearer sk_test_two" });
    expect((await one("GET", "/extract_runs")).status).toBe(200);
    expect((await one("GET", "/extract_runs")).status).toBe(429);
    expect((await two("GET", "/extract_runs")).status).toBe(200);
  });

  it("counts requests that arrive before the advertised Retry-After (I5)", async () => {
    const { emu, call } = setup({ rateLimits: { get: 1 } });
    await call("GET", "/extract_runs");
    await call("GET", "/extract_runs"); // 429, Retry-After: 1
    expect(emu.records.retryAfterViolations).toBe(0);
    await call("GET", "/extract_runs"); // too early
    expect(emu.records.retryAfterViolations).toBe(1);
    await emu.clock.advance(1000);
    await call("GET", "/extract_runs");
    expect(emu.records.retryAfterViolations).toBe(1);
  });

  it("setRateLimits changes them at run time", async () => {
    const { emu, call } = setup();
    emu.setRateLimits({ write: 1 });
    await call("DELETE", "/parse_runs/pr_x");
    expect((await call("DELETE", "/parse_runs/pr_x")).status).toBe(429);
    emu.setRateLimits(false);
    expect((await call("DELETE", "/parse_runs/pr_x")).status).toBe(404);
  });
});
