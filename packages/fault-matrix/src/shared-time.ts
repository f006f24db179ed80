import type { Clock } from "@extendkit/core";
import type { EmulatorClock } from "@extendkit/emulator";

/** One virtual time for a client and an emulator, with a driver that runs a job to its end. */
export interface SharedTime {
  /** The client's `Clock` (pass it as `createClient({ clock })`). */
  readonly clock: Clock;
  /** The emulator's clock (pass it as `createEmulator({ clock })`). */
  readonly emulatorClock: EmulatorClock;
  /** Awaits `promise`, firing the earliest timer (client's or emulator's) whenever nothing else can run. */
  drive<T>(promise: Promise<T>): Promise<T>;
  /** Timers fired so far. */
  readonly fired: number;
}

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
  cancelled: boolean;
}

const idle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One timer queue for the emulator's latency, slow bodies and fault windows and the client's
 * timeouts, backoffs and pauses, starting at `start` (the emulator's default start time). The
 * emulator is given `emulatorClock` when it is created; the client, `clock`. Firing a timer costs a
 * `setImmediate`, not the real-time macrotask the emulator's own virtual clock waits after each
 * timer — which makes 100 scenario runs of 1,000 runs fit in CI.
 */
export function createSharedTime(start = Date.parse("2026-03-01T00:00:00.000Z")): SharedTime {
  let now = start;
  let seq = 0;
  let fired = 0;
  const timers: Timer[] = [];
  const push = (timer: Timer) => {
    timers.push(timer);
    let i = timers.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (before(timers[parent] as Timer, timer)) break;
      timers[i] = timers[parent] as Timer;
      i = parent;
    }
    timers[i] = timer;
  };
  const pop = (): Timer | undefined => {
    const top = timers[0];
    const last = timers.pop();
    if (top === undefined || last === undefined || timers.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = last;
      let at = -1;
      if (left < timers.length && before(timers[left] as Timer, smallest)) {
        smallest = timers[left] as Timer;
        at = left;
      }
      if (right < timers.length && before(timers[right] as Timer, smallest)) {
        smallest = timers[right] as Timer;
        at = right;
      }
      if (at === -1) break;
      timers[i] = smallest;
      i = at;
    }
    timers[i] = last;
    return top;
  };
  const schedule = (ms: number, fire: () => void): Timer => {
    const timer = { at: now + Math.max(0, ms), seq: seq++, fire, cancelled: false };
    push(timer);
    return timer;
  };
  const fireNext = (until = Number.POSITIVE_INFINITY): boolean => {
    for (;;) {
      const top = timers[0];
      if (top === undefined || top.at > until) return false;
      pop();
      if (top.cancelled) continue;
      now = Math.max(now, top.at);
      fired++;
      top.fire();
      return true;
    }
  };

  const emulatorClock: EmulatorClock = {
    kind: "virtual",
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const onAbort = () => {
          timer.cancelled = true;
          reject(signal?.reason);
        };
        const timer = schedule(ms, () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        });
        signal?.addEventListener("abort", onAbort, { once: true });
      }),
    advance: async (ms) => {
      const target = now + ms;
      while (fireNext(target)) await idle();
      now = Math.max(now, target);
    },
  };

  const clock: Clock = {
    now: () => now,
    setTimeout: (callback, ms) => schedule(ms, callback),
    clearTimeout: (handle) => {
      (handle as Timer).cancelled = true;
    },
  };
  return {
    clock,
    emulatorClock,
    get fired() {
      return fired;
    },
    async drive(promise) {
      let settled = false;
      promise.then(
        () => {
          settled = true;
        },
        () => {
          settled = true;
        },
      );
      let stuck = 0;
      while (!settled) {
        await idle();
        await idle();
        if (settled) break;
        if (fireNext()) stuck = 0;
        else if (++stuck > 100)
          throw new Error("shared time: the job waits on something no timer will bring");
      }
      return promise;
    },
  };
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
