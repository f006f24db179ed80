// One caller signal shared by many concurrent calls: one listener, every call aborted with it.
import { AbortError, createClient } from "@extendkit/core";
import { describe, expect, it, vi } from "vitest";
import { forwardAbort } from "../src/forward-abort.ts";

describe("forwardAbort", () => {
  it("one listener per signal, fanned out to every controller, gone when the last settles", () => {
    const caller = new AbortController();
    const added = vi.spyOn(caller.signal, "addEventListener");
    const removed = vi.spyOn(caller.signal, "removeEventListener");
    const controllers = Array.from({ length: 20 }, () => new AbortController());
    const unlinks = controllers.map((c) => forwardAbort(caller.signal, c));
    expect(added).toHaveBeenCalledTimes(1);
    for (const unlink of unlinks.slice(10)) unlink();
    expect(removed).not.toHaveBeenCalled();
    caller.abort("stop");
    expect(controllers.slice(0, 10).every((c) => c.signal.reason === "stop")).toBe(true);
    expect(controllers.slice(10).some((c) => c.signal.aborted)).toBe(false);
    for (const unlink of unlinks.slice(0, 10)) unlink();
  });

  it("the listener is removed once every call settled, and a later call adds a fresh one", () => {
    const caller = new AbortController();
    const a = new AbortController();
    const unlinkA = forwardAbort(caller.signal, a);
    unlinkA();
    const b = new AbortController();
    const unlinkB = forwardAbort(caller.signal, b);
    caller.abort("late");
    expect(a.signal.aborted).toBe(false);
    expect(b.signal.reason).toBe("late");
    unlinkB();
  });

  it("32 concurrent calls sharing one signal: no MaxListenersExceededWarning, all aborted", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    try {
      const caller = new AbortController();
      const client = createClient({
        apiKey: "sk_test_forward",
        maxRetries: 0,
        fetch: (request) =>
          new Promise((_, reject) =>
            request.signal.addEventListener("abort", () => reject(request.signal.reason)),
          ),
      });
      const calls = Array.from({ length: 32 }, (_, i) =>
        client.extractRuns.retrieve(`exr_${i}`, { signal: caller.signal }).catch((e) => e),
      );
      await new Promise((resolve) => setTimeout(resolve, 10));
      caller.abort(new Error("user cancelled"));
      const results = await Promise.all(calls);
      expect(results.every((r) => r instanceof AbortError)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(warnings).not.toContain("MaxListenersExceededWarning");
    } finally {
      process.off("warning", onWarning);
    }
  });
});
