import type { EmulatorClock } from "../emulator-clock.ts";
import { batchStatus } from "../render/batch-status.ts";
import type { RenderContext } from "../render/render-context.ts";
import type { RunRecord } from "../run-record.ts";
import type { RunStore } from "../run-store.ts";
import { settleRun } from "../settle-run.ts";
import { DueQueue } from "./due-queue.ts";

/** Called once per status a run is seen to enter (batch runs: their derived status). */
export type StatusListener = (run: RunRecord, status: string, ctx: RenderContext) => void;

/**
 * Notices runs entering statuses. A run changes in two ways only: by time (its next phase is due;
 * runs move lazily, settle-run.ts) and by a request or seed (the store records adds, removals and
 * `touch`es while the watcher is on). So a sweep looks at the runs whose next phase is due and at
 * the changed ones, not at every run: a request costs the same with 10 runs or 100,000. Then it
 * sleeps on the emulator clock until the next phase of any run: on the virtual clock that wake
 * fires inside `clock.advance()` at the very time of the change, on the real clock it is a timer.
 * Off (the default, no endpoints) it does nothing, holds no timer and the store records nothing.
 */
export class RunWatcher {
  readonly #store: RunStore;
  readonly #clock: EmulatorClock;
  readonly #listener: StatusListener;
  /** The status each stored run was last seen in. */
  #seen = new Map<string, string>();
  /** When each run's next phase is due, earliest first. */
  #due = new DueQueue();
  /** Creation order of the runs seen, so one sweep reports its changes in that order. */
  #order = new WeakMap<RunRecord, number>();
  #counter = 0;
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
    this.#store.track(on);
    if (!on) {
      this.#forget();
      return;
    }
    const now = this.#clock.now();
    const ctx: RenderContext = { now, store: this.#store };
    for (const run of this.#store.all()) this.#look(run, ctx, false, new Set());
    this.#store.drainChanged();
    this.#schedule(this.#due.nextAt());
  }

  /**
   * Settles the runs due at the clock's now and the runs changed since the last sweep, and tells
   * the listener about each one whose status changed (unless `notify: false`, used after seeding:
   * a seeded status is not an event); batches, whose status follows their members, come last.
   * Then schedules the wake for the next status change (`rewake`: anew, after the clock jumped,
   * when a pending timer would fire late).
   */
  sweep(options: { notify?: boolean; rewake?: boolean } = {}): void {
    if (!this.#on) return;
    if (options.rewake) this.#cancelWake();
    const now = this.#clock.now();
    const ctx: RenderContext = { now, store: this.#store };
    const notify = options.notify !== false;
    const runs = [...this.#due.takeDue(now), ...this.#store.drainChanged()];
    for (const run of runs) if (!this.#order.has(run)) this.#order.set(run, this.#counter++);
    runs.sort((a, b) => (this.#order.get(a) ?? 0) - (this.#order.get(b) ?? 0));
    const batches = new Set<string>();
    for (const run of new Set(runs)) this.#look(run, ctx, notify, batches);
    for (const id of batches) {
      const batch = this.#store.peek(id);
      if (batch?.kind === "batchRuns") this.#look(batch, ctx, notify, new Set());
    }
    this.#schedule(this.#due.nextAt());
  }

  /** Forgets every run, cancels the wake and stops (the emulator's `reset()`). */
  reset(): void {
    this.#on = false;
    this.#store.track(false);
    this.#forget();
  }

  /** Settles `run` and reports a new status; notes its batch and its next phase. */
  #look(run: RunRecord, ctx: RenderContext, notify: boolean, batches: Set<string>): void {
    if (!this.#order.has(run)) this.#order.set(run, this.#counter++);
    if (run.batchId !== null) batches.add(run.batchId);
    if (this.#store.peek(run.id) !== run) {
      this.#seen.delete(run.id); // deleted: no event (REFERENCE §6.2 has none)
      return;
    }
    settleRun(run, ctx.now);
    const status = run.kind === "batchRuns" ? batchStatus(run, ctx) : run.status;
    const next = run.phases[0]?.at;
    if (next !== undefined) this.#due.schedule(run, next);
    if (notify && this.#seen.get(run.id) !== status) this.#listener(run, status, ctx);
    this.#seen.set(run.id, status);
  }

  #forget(): void {
    this.#seen = new Map();
    this.#due = new DueQueue();
    this.#cancelWake();
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
