/**
 * The emulator's notion of time. Run statuses, rate-limit windows, fault windows and fault delays
 * (latency, slow bodies) all follow it.
 */
export interface EmulatorClock {
  /** `virtual`: time moves only by `advance`. `real`: wall-clock time plus every `advance` so far. */
  readonly kind: "virtual" | "real";
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Moves time forward by `ms`. On the virtual clock, sleeps that fall due (fault latency, slow
   * bodies) resolve in time order; the returned promise settles once they have run. Runs advance
   * lazily, so `now()` and every run status reflect the new time as soon as this returns.
   */
  advance(ms: number): Promise<void>;
  /** Resolves after `ms` of this clock's time; rejects with `signal.reason` on abort. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
