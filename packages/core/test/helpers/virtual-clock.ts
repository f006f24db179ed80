import type { Clock } from "@extendkit/core";

interface Timer {
  at: number;
  callback: () => void;
}

/** Lets pending promise callbacks, stream reads and immediates run. */
export async function flush(rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A virtual `Clock`: time moves only when a test says so, so no test sleeps. `run(promise)` fires
 * timers in time order (flushing between them) until the promise settles: a call that would wait
 * 30 s in production settles at once, and `now()` tells how much virtual time it took.
 */
export class VirtualClock implements Clock {
  #time: number;
  #timers = new Map<number, Timer>();
  #nextId = 1;

  /** Starts on a whole second, so HTTP dates (1 s resolution) compare exactly. */
  constructor(start = Date.UTC(2026, 2, 1, 12, 0, 0)) {
    this.#time = start;
  }

  now(): number {
    return this.#time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.#time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Timers scheduled and not yet fired or cleared. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Fires timers in order until `promise` settles; throws if it cannot settle. */
  async run<T>(promise: Promise<T>, maxSteps = 1_000_000): Promise<T> {
    let settled = false;
    promise.then(
      () => {
        settled = true;
      },
      () => {
        settled = true;
      },
    );
    for (let step = 0; step < maxSteps; step++) {
      await flush();
      if (settled) return promise;
      if (!this.#fireNext(Number.POSITIVE_INFINITY)) {
        throw new Error("VirtualClock.run: the promise is pending and no timer is scheduled");
      }
    }
    throw new Error("VirtualClock.run: too many steps");
  }

  /** Moves time forward by `ms`, firing every timer due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.#time + ms;
    await flush();
    while (this.#fireNext(end)) await flush();
    this.#time = end;
  }

  /** Fires every timer due at the earliest time not after `limit`, in the order they were set. */
  #fireNext(limit: number): boolean {
    let at = Number.POSITIVE_INFINITY;
    for (const timer of this.#timers.values()) if (timer.at < at) at = timer.at;
    if (at > limit) return false;
    this.#time = Math.max(this.#time, at);
    for (const [id, timer] of [...this.#timers]) {
      if (timer.at !== at || !this.#timers.has(id)) continue;
      this.#timers.delete(id);
      timer.callback();
    }
    return true;
  }
}
