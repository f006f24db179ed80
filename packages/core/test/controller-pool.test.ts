// The attempt's AbortController is reused only while it has never fired (controller-pool.ts).
import { describe, expect, it } from "vitest";
import { giveBackController, takeController } from "../src/controller-pool.ts";

describe("controller pool", () => {
  it("gives a controller that never fired to the next attempt", () => {
    const first = takeController();
    giveBackController(first);
    const second = takeController();
    expect(second.controller).toBe(first.controller);
    giveBackController(second);
  });

  it("never hands out a controller that was aborted", () => {
    const used = takeController();
    used.controller.abort("timed out");
    giveBackController(used);
    const next = takeController();
    expect(next.controller).not.toBe(used.controller);
    expect(next.controller.signal.aborted).toBe(false);
    giveBackController(next);
  });

  it("retires a controller after 16 attempts", () => {
    const seen = new Set<AbortController>();
    for (let i = 0; i < 250; i++) {
      const pooled = takeController();
      seen.add(pooled.controller);
      expect(pooled.uses).toBeLessThanOrEqual(16);
      giveBackController(pooled);
    }
    // 250 attempts, at most 16 each: 16 controllers, or 17 if an earlier test left one part-used.
    expect(seen.size).toBeGreaterThanOrEqual(16);
    expect(seen.size).toBeLessThanOrEqual(17);
  });

  it("two attempts in flight never share a controller", () => {
    const a = takeController();
    const b = takeController();
    expect(a.controller).not.toBe(b.controller);
    giveBackController(a);
    giveBackController(b);
  });

  it("calls the holder's onAbort when the controller fires, and nobody's once given back", () => {
    const calls: string[] = [];
    const held = takeController();
    held.onAbort = () => calls.push("held");
    giveBackController(held);
    const again = takeController();
    expect(again).toBe(held);
    expect(again.onAbort).toBeUndefined();
    again.onAbort = () => calls.push("again");
    again.controller.abort("timed out");
    expect(calls).toEqual(["again"]);
    giveBackController(again);
  });

  it("drops a controller this context may not use (workerd: a signal from another request throws)", () => {
    const pooled = takeController();
    giveBackController(pooled);
    // As workerd does for a signal that went to a fetch of another request.
    Object.defineProperty(pooled.controller.signal, "aborted", {
      get() {
        throw new Error("Cannot perform I/O on behalf of a different request");
      },
    });
    const next = takeController();
    expect(next.controller).not.toBe(pooled.controller);
    giveBackController(next);
    const thrown = takeController();
    Object.defineProperty(thrown.controller.signal, "aborted", {
      get() {
        throw new Error("Cannot perform I/O on behalf of a different request");
      },
    });
    expect(() => giveBackController(thrown)).not.toThrow();
    expect(takeController().controller).not.toBe(thrown.controller);
  });
});
