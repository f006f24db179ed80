import {
  createEmulator,
  type Emulator,
  type EmulatorOptions,
  faultScenarios,
  isConnectionReset,
} from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { type Answer, api, BASE } from "./helpers.ts";

// The 20 fault scenarios of reliability.md §4.2, each installed from `faultScenarios` with a fixed
// seed and checked for its signature behaviour over a bounded number of requests.

const macrotask = () => new Promise((r) => setTimeout(r, 0));

function scenario(id: keyof typeof faultScenarios, extra: EmulatorOptions = {}) {
  const emu = createEmulator({ seed: 3, scenarios: [id], ...extra });
  return { emu, call: api(emu) };
}

/** Settles `work`, advancing the emulator clock while requests wait on it (bounded). */
async function settle<T>(
  emu: Emulator,
  work: Promise<T>[],
  stepMs = 1000,
): Promise<PromiseSettledResult<T>[]> {
  let done = false;
  const all = Promise.allSettled(work).then((r) => {
    done = true;
    return r;
  });
  for (let i = 0; i < 200 && !done; i++) {
    await macrotask();
    if (!done) await emu.clock.advance(stepMs);
  }
  return all;
}

function seedRuns(emu: Emulator, n: number, status = "PROCESSED") {
  for (let i = 0; i < n; i++) emu.seedRun({ kind: "extractRuns", status });
  return emu.runIds();
}

describe("fault scenarios F01–F20", () => {
  it("has all 20", () => {
    expect(Object.keys(faultScenarios)).toEqual(
      Array.from({ length: 20 }, (_, i) => `F${String(i + 1).padStart(2, "0")}`),
    );
  });

  it("F01 fixed latency: 200 ms on every response", async () => {
    const { emu, call } = scenario("F01");
    let done = false;
    const p = call("GET", "/extract_runs").then((r) => {
      done = true;
      return r;
    });
    await macrotask();
    await emu.clock.advance(199);
    expect(done).toBe(false);
    await emu.clock.advance(1);
    expect((await p).status).toBe(200);
  });

  it("F02 latency 50 ± 40 ms with a 1% tail at 5 s", async () => {
    const { emu, call } = scenario("F02");
    let finished = 0;
    const work = Array.from({ length: 500 }, () =>
      call("GET", "/extract_runs").then(() => finished++),
    );
    await macrotask();
    await emu.clock.advance(90);
    await macrotask();
    const tail = emu.faults()[1]?.fired ?? 0;
    expect(tail).toBeGreaterThan(0);
    expect(500 - finished).toBe(tail);
    await settle(emu, work, 5000);
    expect(finished).toBe(500);
  });

  it("F03 429 storm with Retry-After: 3 for 15 s, then normal", async () => {
    const { emu, call } = scenario("F03");
    const first = await call("GET", "/extract_runs");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("3");
    await emu.clock.advance(14_999);
    expect((await call("GET", "/extract_runs")).status).toBe(429);
    await emu.clock.advance(1);
    expect((await call("GET", "/extract_runs")).status).toBe(200);
  });

  it("F04 HTTP-date Retry-After, 2 s ahead or 30 s in the past", async () => {
    const { emu, call } = scenario("F04");
    const now = emu.clock.now();
    const dates = new Set<number>();
    for (let i = 0; i < 40; i++) {
      const res = await call("GET", "/extract_runs");
      expect(res.status).toBe(429);
      dates.add(Date.parse(res.headers.get("retry-after") as string) - now);
    }
    expect([...dates].sort((a, b) => a - b)).toEqual([-30_000, 2000]);
  });

  it("F05 429 without Retry-After, retryable: true, on about 30% for 60 s", async () => {
    const { emu, call } = scenario("F05");
    const res: Answer[] = [];
    for (let i = 0; i < 200; i++) res.push(await call("GET", "/extract_runs"));
    const limited = res.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(30);
    expect(limited.length).toBeLessThan(100);
    expect(
      limited.every((r) => r.headers.get("retry-after") === null && r.body.retryable === true),
    ).toBe(true);
    await emu.clock.advance(60_000);
    for (let i = 0; i < 50; i++) expect((await call("GET", "/extract_runs")).status).toBe(200);
  });

  it("F06 oversized Retry-After: some 429s carry 3600", async () => {
    const { call } = scenario("F06");
    const res: Answer[] = [];
    for (let i = 0; i < 400; i++) res.push(await call("GET", "/extract_runs"));
    const big = res.filter((r) => r.status === 429);
    expect(big.length).toBeGreaterThan(5);
    expect(big.every((r) => r.headers.get("retry-after") === "3600")).toBe(true);
  });

  it("F07 5xx burst: 503 for 5 s every 30 s, plus ~2% random 500/502/504", async () => {
    const { emu, call } = scenario("F07");
    expect((await call("GET", "/extract_runs")).status).toBe(503);
    await emu.clock.advance(5000);
    const mid: number[] = [];
    for (let i = 0; i < 600; i++) mid.push((await call("GET", "/extract_runs")).status);
    const random = mid.filter((s) => s !== 200);
    expect(random.length).toBeGreaterThan(2);
    expect(random.length).toBeLessThan(40);
    expect(new Set(random).size).toBeGreaterThan(1);
    expect(random.every((s) => [500, 502, 504].includes(s))).toBe(true);
    await emu.clock.advance(25_000);
    expect((await call("GET", "/extract_runs")).status).toBe(503);
  });

  it("F08 non-retryable 5xx: ~1% 500 with retryable: false", async () => {
    const { call } = scenario("F08");
    const res: Answer[] = [];
    for (let i = 0; i < 800; i++) res.push(await call("GET", "/extract_runs"));
    const failed = res.filter((r) => r.status === 500);
    expect(failed.length).toBeGreaterThan(1);
    expect(failed.length).toBeLessThan(25);
    expect(failed.every((r) => r.body.retryable === false)).toBe(true);
  });

  it("F09 CDN HTML pages: 502 HTML and 200 HTML", async () => {
    const { call } = scenario("F09");
    const res: Answer[] = [];
    for (let i = 0; i < 1500; i++) res.push(await call("GET", "/extract_runs"));
    const html = res.filter((r) => r.headers.get("content-type")?.includes("text/html"));
    expect(html.some((r) => r.status === 502)).toBe(true);
    expect(html.some((r) => r.status === 200)).toBe(true);
    expect(html.every((r) => r.text.startsWith("<!DOCTYPE html>"))).toBe(true);
  });

  it("F10 reset before commit: ~3% of creates fail and create nothing", async () => {
    const { emu, call } = scenario("F10");
    const out = await Promise.allSettled(
      Array.from({ length: 300 }, () => call("POST", "/parse_runs", { file: { id: "file_1" } })),
    );
    const resets = out.filter((o) => o.status === "rejected" && isConnectionReset(o.reason)).length;
    expect(resets).toBeGreaterThan(2);
    expect(resets).toBeLessThan(25);
    expect(emu.runIds()).toHaveLength(300 - resets);
  });

  it("F11 reset after commit: lost answers, but every delete took effect exactly once", async () => {
    const { emu, call } = scenario("F11");
    const ids = seedRuns(emu, 300);
    const out = await Promise.allSettled(ids.map((id) => call("DELETE", `/extract_runs/${id}`)));
    const lost = out.filter((o) => o.status === "rejected" && isConnectionReset(o.reason)).length;
    expect(lost).toBeGreaterThan(2);
    expect(ids.every((id) => emu.records.effects(id).deleted === 1)).toBe(true);
    expect(emu.runIds()).toEqual([]);
  });

  it("F12 reset mid-body: ~2% of bodies fail part-way", async () => {
    const { emu } = scenario("F12");
    let broken = 0;
    for (let i = 0; i < 400; i++) {
      const res = await emu.fetch(`${BASE}/extract_runs`, {
        headers: { authorization: "Bearer sk_test_emulator" },
      });
      expect(res.status).toBe(200);
      await res.text().catch((e) => {
        expect(isConnectionReset(e)).toBe(true);
        broken++;
      });
    }
    expect(broken).toBeGreaterThan(2);
    expect(broken).toBe(emu.faults()[0]?.fired);
  });

  it("F13 slow body: ~1% of bodies at 10 B/s", async () => {
    const { emu } = scenario("F13");
    const bodies = Array.from({ length: 500 }, () =>
      emu
        .fetch(`${BASE}/extract_runs`, { headers: { authorization: "Bearer sk_test_emulator" } })
        .then((r) => r.text()),
    );
    let read = 0;
    for (const b of bodies) b.then(() => read++);
    for (let i = 0; i < 5; i++) await macrotask();
    const slow = emu.faults()[0]?.fired ?? 0;
    expect(slow).toBeGreaterThan(0);
    expect(500 - read).toBe(slow);
    const texts = await settle(emu, bodies, 1000);
    expect(
      texts.every((t) => t.status === "fulfilled" && t.value === '{"object":"list","data":[]}'),
    ).toBe(true);
  });

  it("F14 headers then stall: ~1% never finish until the client aborts", async () => {
    const { emu } = scenario("F14");
    const controller = new AbortController();
    const bodies = Array.from({ length: 500 }, () =>
      emu
        .fetch(`${BASE}/extract_runs`, {
          headers: { authorization: "Bearer sk_test_emulator" },
          signal: controller.signal,
        })
        .then((r) => r.text()),
    );
    let read = 0;
    for (const b of bodies)
      b.then(
        () => read++,
        () => {},
      );
    for (let i = 0; i < 5; i++) await macrotask();
    const stalled = emu.faults()[0]?.fired ?? 0;
    expect(stalled).toBeGreaterThan(0);
    expect(500 - read).toBe(stalled);
    expect(emu.records.inFlight).toBe(stalled);
    controller.abort();
    const out = await Promise.allSettled(bodies);
    expect(out.filter((o) => o.status === "rejected")).toHaveLength(stalled);
    expect(emu.records.inFlight).toBe(0);
  });

  it("F15 dripped headers: ~0.5% of heads at 800 ms per byte", async () => {
    const { emu, call } = scenario("F15");
    let done = 0;
    const work = Array.from({ length: 1000 }, () =>
      call("GET", "/extract_runs").then(() => done++),
    );
    for (let i = 0; i < 5; i++) await macrotask();
    const dripped = emu.faults()[0]?.fired ?? 0;
    expect(dripped).toBeGreaterThan(0);
    expect(1000 - done).toBe(dripped);
    await settle(emu, work, 60_000);
    expect(done).toBe(1000);
  });

  it("F16 outside deleter: ~5% of deletes find the run already deleted by someone else", async () => {
    const { emu, call } = scenario("F16");
    const ids = seedRuns(emu, 300);
    const res = await Promise.all(ids.map((id) => call("DELETE", `/extract_runs/${id}`)));
    const notFound = ids.filter((_, i) => res[i]?.status === 404);
    expect(notFound.length).toBeGreaterThan(5);
    expect(notFound.every((id) => emu.records.effects(id).deletedByOthers === 1)).toBe(true);
    expect(
      ids.every(
        (id) => emu.records.effects(id).deleted + emu.records.effects(id).deletedByOthers === 1,
      ),
    ).toBe(true);
  });

  it("F17 cancel races completion: ~10% complete first; none is left CANCELLED by mistake", async () => {
    const { emu, call } = scenario("F17");
    const ids = seedRuns(emu, 200, "PROCESSING");
    const res = await Promise.all(ids.map((id) => call("POST", `/extract_runs/${id}/cancel`)));
    const raced = ids.filter((_, i) => res[i]?.status === 400);
    expect(raced.length).toBeGreaterThan(5);
    expect(raced.length).toBeLessThan(45);
    for (const id of ids) {
      const status = (emu.getRun(id) as { status: string }).status;
      const effects = emu.records.effects(id);
      expect(status).toBe(effects.completedByRace ? "PROCESSED" : "CANCELLED");
      expect(effects.cancelled + effects.completedByRace).toBe(1);
    }
  });

  it("F18 shifting list: offset pages skip runs as deletes land; empty and repeated pages appear", async () => {
    // A naive "page, delete the page, follow the token" loop (bounded).
    const naive = async (emu: Emulator) => {
      const call = api(emu);
      let token: string | undefined;
      let odd = 0;
      for (let i = 0; i < 40; i++) {
        const q = `maxPageSize=10${token ? `&nextPageToken=${encodeURIComponent(token)}` : ""}`;
        const page = await call("GET", `/extract_runs?${q}`);
        if (page.body.data.length === 0 && page.body.nextPageToken) odd++;
        if (token && page.body.nextPageToken === token) odd++;
        for (const run of page.body.data) await call("DELETE", `/extract_runs/${run.id}`);
        token = page.body.nextPageToken;
        if (!token) break;
      }
      return { left: emu.runIds().length, odd };
    };
    const { emu } = scenario("F18", { seed: 5 });
    expect(emu.switches.pagination).toBe("offset");
    seedRuns(emu, 60);
    const shifted = await naive(emu);
    expect(shifted.left).toBeGreaterThan(0);
    expect(shifted.odd).toBeGreaterThan(0);
    // The same loop over cursor pages (the default) leaves nothing behind.
    const cursor = createEmulator();
    seedRuns(cursor, 60);
    expect((await naive(cursor)).left).toBe(0);
  });

  it("F19 unknown status and extra fields on ~1% of run objects, still spec-valid", async () => {
    const { emu, call } = scenario("F19");
    const [id] = seedRuns(emu, 1);
    const res: Answer[] = [];
    for (let i = 0; i < 600; i++) res.push(await call("GET", `/extract_runs/${id}`));
    const odd = res.filter((r) => r.body.status === "ARCHIVED");
    expect(odd.length).toBeGreaterThan(0);
    expect(odd.every((r) => typeof r.body.futureField === "object")).toBe(true);
    expect(emu.records.violations).toEqual([]);
  });

  it("F20 combined chaos: every targeted run deleted at most once, by exactly one party", async () => {
    const { emu, call } = scenario("F20");
    expect(emu.faults()).toHaveLength(10);
    const ids = seedRuns(emu, 200);
    const out = await settle(
      emu,
      ids.map((id) => call("DELETE", `/extract_runs/${id}`)),
      1000,
    );
    expect(out).toHaveLength(200);
    const kinds = new Set(emu.records.requests.map((r) => r.fault).filter(Boolean));
    expect(kinds.size).toBeGreaterThan(2);
    for (const id of ids) {
      const e = emu.records.effects(id);
      expect(e.deleted + e.deletedByOthers).toBeLessThanOrEqual(1);
    }
  });
});
