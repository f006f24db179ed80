import type { Clock } from "@extendkit/core";

/** A virtual clock whose `run(promise)` advances time whenever nothing else can happen. */
export interface VirtualClock extends Clock {
  /** Awaits `promise`, firing the earliest timer each time the process is otherwise idle. */
  run<T>(promise: Promise<T>): Promise<T>;
  advance(ms: number): void;
  readonly pending: number;
}

const idle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Starts at 2026-03-01T00:00:00Z unless told otherwise. Timers at the same time fire in order. */
export function createVirtualClock(start = Date.parse("2026-03-01T00:00:00Z")): VirtualClock {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const fireNext = () => {
    let id = -1;
    let at = Number.POSITIVE_INFINITY;
    for (const [key, timer] of timers) {
      if (timer.at < at) {
        at = timer.at;
        id = key;
      }
    }
    const timer = timers.get(id);
    if (timer === undefined) return false;
    timers.delete(id);
    now = Math.max(now, timer.at);
    timer.callback();
    return true;
  };
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = ++seq;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.values()].some((t) => t.at <= until);
        if (!due || !fireNext()) break;
      }
      now = until;
    },
    get pending() {
      return timers.size;
    },
    async run(promise) {
      let settled = false;
      promise.then(
        () => {
          settled = true;
        },
        () => {
          settled = true;
        },
      );
      while (!settled) {
        await idle();
        await idle();
        if (settled) break;
        if (!fireNext()) {
          await idle();
          if (!settled && timers.size === 0) throw new Error("virtual clock: nothing left to run");
        }
      }
      return promise;
    },
  };
}

/**
 * A seeded random source in [0, 1) (mulberry32), for reproducible jitter. The emulator's
 * `createRng` is the same generator, but core cannot depend on the emulator, which depends on core.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
