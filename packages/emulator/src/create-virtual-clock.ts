import type { EmulatorClock } from "./emulator-clock.ts";

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/** Lets queued continuations (stream pulls, handlers) run before the next timer fires. */
const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A clock that stands still until `advance(ms)`; deterministic in every runtime. */
export function createVirtualClock(start: number): EmulatorClock & { reset(): void } {
  let now = start;
  let seq = 0;
  let timers: Timer[] = [];
  const due = (target: number) => timers.filter((t) => t.at <= target);
  return {
    kind: "virtual",
    now: () => now,
    async advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`clock.advance(ms): ms must be >= 0, got ${ms}`);
      const target = now + ms;
      if (due(target).length === 0) {
        now = target;
        return;
      }
      // Fire timers one at a time, in time order, including timers scheduled while advancing.
      for (let guard = 0; guard < 1_000_000; guard++) {
        const next = due(target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
        if (!next) break;
        timers = timers.filter((t) => t !== next);
        now = Math.max(now, next.at);
        next.resolve();
        await macrotask();
      }
      now = target;
    },
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer: Timer = { at: now + Math.max(0, ms), seq: seq++, resolve: () => resolve() };
        timers.push(timer);
        signal?.addEventListener(
          "abort",
          () => {
            timers = timers.filter((t) => t !== timer);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    },
    reset() {
      now = start;
      timers = [];
    },
  };
}
