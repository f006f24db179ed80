import type { EmulatorClock } from "../emulator-clock.ts";
import { batchStatus } from "../render/batch-status.ts";
import type { RenderContext } from "../render/render-context.ts";
import type { RunRecord } from "../run-record.ts";
import type { RunStore } from "../run-store.ts";
import { settleRun } from "../settle-run.ts";

/** Called once per status a run is seen to enter (batch runs: their derived status). */
export type StatusListener = (run: RunRecord, status: string, ctx: RenderContext) => void;

/**
 * Notices runs entering statuses. Runs move lazily (settle-run.ts), so while it is on the watcher
 * settles every run after each request (`sweep()`) and sleeps on the emulator clock until the next
 * scheduled status change, then sweeps again: on the virtual clock that wake fires inside
 * `clock.advance()` at the very time of the change, on the real clock it is a timer. Off (the
 * default, no endpoints) it does nothing and holds no timer.
 */
export class RunWatcher {
  readonly #store: RunStore;
  readonly #clock: EmulatorClock;
  readonly #listener: StatusListener;
  /** The status each stored run was last seen in. */
  #seen = new Map<string, string>();
  #on = false;
  #wake: AbortController | null = null;
  #wakeAt = Number.POSITIVE_INFINITY;

  constructor(store: RunStore, clock: EmulatorClock, listener: StatusListener) {
    this.#store = store;
    this.#clock = clock;
    this.#listener = listener;
  }

  /** Starts or stops watching. Starting takes every run's current status as already seen. */
  set on(on: boolean) {
    if (on === this.#on) return;
    this.#on = on;
    if (on) this.sweep({ notify: false });
    else this.#cancelWake();
  }

  /**
   * Settles every run at the clock's now and tells the listener about each one whose status changed
   * since the last sweep (unless `notify: false`, used after seeding: a seeded status is not an
   * event). Then schedules the wake for the next status change (`rewake`: anew, after the clock
   * jumped, when a pending timer would fire late).
   */
  sweep(options: { notify?: boolean; rewake?: boolean } = {}): void {
    if (!this.#on) return;
    if (options.rewake) this.#cancelWake();
    const now = this.#clock.now();
    const ctx: RenderContext = { now, store: this.#store };
    const seen = new Map<string, string>();
    let next = Number.POSITIVE_INFINITY;
    for (const run of this.#store.all()) {
      settleRun(run, now);
      const status = run.kind === "batchRuns" ? batchStatus(run, ctx) : run.status;
      seen.set(run.id, status);
      const at = run.phases[0]?.at;
      if (at !== undefined && at < next) next = at;
      if (options.notify !== false && this.#seen.get(run.id) !== status)
        this.#listener(run, status, ctx);
    }
    this.#seen = seen;
    this.#schedule(next);
  }

  /** Forgets every run, cancels the wake and stops (the emulator's `reset()`). */
  reset(): void {
    this.#seen = new Map();
    this.#cancelWake();
    this.#on = false;
  }

  #schedule(at: number): void {
    if (at === Number.POSITIVE_INFINITY || at >= this.#wakeAt) return;
    this.#cancelWake();
    const wake = new AbortController();
    this.#wake = wake;
    this.#wakeAt = at;
    this.#clock.sleep(Math.max(0, at - this.#clock.now()), wake.signal).then(
      () => {
        if (this.#wake !== wake) return;
        this.#wake = null;
        this.#wakeAt = Number.POSITIVE_INFINITY;
        this.sweep();
      },
      () => {}, // cancelled
    );
  }

  #cancelWake(): void {
    this.#wake?.abort();
    this.#wake = null;
    this.#wakeAt = Number.POSITIVE_INFINITY;
  }
}
