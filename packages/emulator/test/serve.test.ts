import { createEmulator, EMULATOR_API_KEY, type Emulator } from "@extendkit/emulator";
import { serve } from "@extendkit/emulator/serve";
import { afterEach, describe, expect, it } from "vitest";

// The emulator over real HTTP on 127.0.0.1 (Node's fetch as the client): connection faults become
// real socket behaviour.

const headers = { authorization: `Bearer ${EMULATOR_API_KEY}`, "content-type": "application/json" };
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function served(emu: Emulator = createEmulator()) {
  const s = await serve(emu);
  close = s.close;
  return { emu, url: s.url, s };
}

describe("serve()", () => {
  it("listens on 127.0.0.1 and serves the API, with request ids", async () => {
    const { url, s } = await served();
    expect(s.hostname).toBe("127.0.0.1");
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/extract_runs`, {
      method: "POST",
      headers,
      body: JSON.stringify({ extractor: { id: "ex_1" }, file: { url: "https://f.test/a.pdf" } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-extend-request-id")).toMatch(/^req_/);
    const run = await res.json();
    const del = await fetch(`${url}/extract_runs/${run.id}`, { method: "DELETE", headers });
    expect(await del.json()).toEqual({ id: run.id });
    expect((await fetch(`${url}/extract_runs/${run.id}`, { headers })).status).toBe(404);
  });

  it("reset before the response: the client's fetch fails; after commit: the change is applied", async () => {
    const emu = createEmulator();
    const { url } = await served(emu);
    const run = emu.seedRun({ kind: "parseRuns" });
    emu.addFault({ routes: "*.delete", fault: { type: "resetAfterCommit" }, count: 1 });
    await expect(
      fetch(`${url}/parse_runs/${run.id}`, { method: "DELETE", headers }),
    ).rejects.toThrow(TypeError);
    expect(emu.records.effects(String(run.id)).deleted).toBe(1);
    emu.addFault({ fault: { type: "resetBeforeCommit" }, count: 1 });
    await expect(fetch(`${url}/parse_runs`, { headers })).rejects.toThrow(TypeError);
    expect((await fetch(`${url}/parse_runs`, { headers })).status).toBe(200);
  });

  it("reset mid-body: status and headers arrive, reading the body fails", async () => {
    const emu = createEmulator();
    const { url } = await served(emu);
    emu.seedRun({ kind: "extractRuns" });
    emu.addFault({ fault: { type: "resetMidBody", afterBytes: 20 }, count: 1 });
    const res = await fetch(`${url}/extract_runs`, { headers });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it("truncated JSON and HTML pages arrive as such", async () => {
    const emu = createEmulator();
    const { url } = await served(emu);
    emu.addFault({ fault: { type: "truncatedJson" }, count: 1 });
    const cut = await (await fetch(`${url}/extract_runs`, { headers })).text();
    expect(() => JSON.parse(cut)).toThrow(SyntaxError);
    emu.addFault({ fault: { type: "html", status: 502 }, count: 1 });
    const page = await fetch(`${url}/extract_runs`, { headers });
    expect(page.status).toBe(502);
    expect(page.headers.get("content-type")).toContain("text/html");
  });

  it("dripped headers arrive byte by byte, then the full answer", async () => {
    const emu = createEmulator({ clock: "real" });
    const { url } = await served(emu);
    emu.addFault({ fault: { type: "dripHeaders", msPerByte: 1 }, count: 1 });
    const res = await fetch(`${url}/extract_runs`, { headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ object: "list", data: [] });
  });

  it("a stalled body ends when the client aborts, and close() drops stalled connections", async () => {
    const emu = createEmulator();
    const { url } = await served(emu);
    emu.addFault({ fault: { type: "stall" }, count: 1 });
    const controller = new AbortController();
    const res = await fetch(`${url}/extract_runs`, { headers, signal: controller.signal });
    expect(res.status).toBe(200);
    const body = res.text();
    controller.abort();
    await expect(body).rejects.toThrow();
  });

  it("body faults played in process (a handler without the wire path) become socket events, not logged errors", async () => {
    const emu = createEmulator();
    // A front with only `fetch` and `clock`, as a harness in front of the emulator serves it: no
    // wire fetch, so a reset mid-body and a stall are streams that fail, and serve() plays them.
    const front = { fetch: (r: Request) => emu.fetch(r), clock: emu.clock } as unknown as Emulator;
    const s = await serve(front);
    close = s.close;
    const logged: unknown[] = [];
    const saved = [console.error, console.info];
    console.error = (...args: unknown[]) => logged.push(args);
    console.info = (...args: unknown[]) => logged.push(args);
    try {
      emu.addFault({ fault: { type: "resetMidBody", afterBytes: 5 }, count: 1 });
      const reset = await fetch(`${s.url}/extract_runs`, { headers });
      expect(reset.status).toBe(200);
      await expect(reset.text()).rejects.toThrow(); // the socket was reset mid-body
      emu.addFault({ fault: { type: "stall" }, count: 1 });
      const controller = new AbortController();
      const stalled = await fetch(`${s.url}/extract_runs`, { headers, signal: controller.signal });
      const body = stalled.text();
      controller.abort();
      await expect(body).rejects.toThrow();
      // A plain answer after both: the server is fine, and its fast path is untouched.
      expect((await fetch(`${s.url}/extract_runs`, { headers })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50)); // let the server see the abort
      expect(logged).toEqual([]);
    } finally {
      [console.error, console.info] = saved as [typeof console.error, typeof console.info];
    }
  });

  it("a strict-mode violation is a 500 that names it", async () => {
    const emu = createEmulator();
    const { url } = await served(emu);
    const origError = console.error;
    console.error = () => {};
    try {
      const run = emu.seedRun({ kind: "extractRuns", overrides: { config: 1 } });
      const res = await fetch(`${url}/extract_runs/${run.id}`, { headers });
      expect(res.status).toBe(500);
      expect(res.headers.get("x-emulator-error")).toBe("spec-violation");
      expect((await res.json()).code).toBe("EMULATOR_SPEC_VIOLATION");
    } finally {
      console.error = origError;
    }
  });
});
