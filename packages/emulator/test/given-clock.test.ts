import { createEmulator, type EmulatorClock } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { api } from "./helpers.ts";

/** A clock the test owns: time moves only when the test says, and it sees every sleep. */
function ownClock(start: number) {
  let now = start;
  const sleeps: number[] = [];
  const waiting: { at: number; resolve: () => void }[] = [];
  const clock: EmulatorClock = {
    kind: "virtual",
    now: () => now,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        waiting.push({ at: now + ms, resolve });
      }),
    advance: async (ms) => {
      now += ms;
      for (const w of waiting.splice(0)) {
        if (w.at <= now) w.resolve();
        else waiting.push(w);
      }
    },
  };
  return { clock, sleeps };
}

describe("a clock given to createEmulator", () => {
  it("is the emulator's time: run statuses, latency faults and reset all follow it", async () => {
    const start = Date.parse("2030-01-01T00:00:00Z");
    const { clock, sleeps } = ownClock(start);
    const emu = createEmulator({
      clock,
      durations: { pendingMs: 0, processingMs: 1_000 },
      faults: [{ routes: "*", fault: { type: "latency", ms: 250 }, count: 1 }],
    });
    expect(emu.clock.kind).toBe("virtual");
    expect(emu.clock.now()).toBe(start);
    const call = api(emu);
    const pending = call("POST", "/extract_runs", {
      extractor: { id: "ex_1" },
      file: { url: "https://f.test/a.pdf" },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(sleeps).toEqual([250]);
    await emu.clock.advance(250);
    const created = await pending;
    expect(created.status).toBe(200);
    expect(Date.parse(created.body.createdAt)).toBe(start + 250);
    await emu.clock.advance(1_000);
    const read = await call("GET", `/extract_runs/${created.body.id}`);
    expect(read.body.status).toBe("PROCESSED");
    emu.reset();
    expect(emu.clock.now()).toBe(start + 1_250);
  });

  it("a clock that is not one is refused at creation", () => {
    for (const clock of [
      {},
      { kind: "virtual", now: () => 0 },
      { kind: "fast", now: () => 0, advance: async () => {}, sleep: async () => {} },
    ]) {
      expect(() => createEmulator({ clock: clock as never })).toThrow(TypeError);
    }
  });
});
