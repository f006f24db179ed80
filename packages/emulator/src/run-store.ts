import type { RunKind } from "./run-kinds.ts";
import type { RunRecord } from "./run-record.ts";
import { settleRun } from "./settle-run.ts";

/** What is left of a deleted run: enough to answer a repeated DELETE (`repeatDelete` switch). */
export interface Tombstone {
  kind: RunKind;
  workspaceId: string;
}

/** Every run of every workspace, in creation order, plus tombstones of deleted runs. */
export class RunStore {
  readonly #runs = new Map<string, RunRecord>();
  readonly #tombstones = new Map<string, Tombstone>();
  /** Runs added, removed or touched since the last `drainChanged()`; null while nobody tracks. */
  #changed: Set<RunRecord> | null = null;

  add(run: RunRecord): void {
    this.#runs.set(run.id, run);
    this.#tombstones.delete(run.id);
    this.#changed?.add(run);
  }

  /**
   * Notes that `run` changed other than by time: its status or phases were set by a request (a
   * cancel, a state-changing fault). Whoever tracks changes (the webhook watcher) looks at it.
   */
  touch(run: RunRecord): void {
    this.#changed?.add(run);
  }

  /** Starts (true) or stops recording changes for `drainChanged()`. Off by default: it costs. */
  track(on: boolean): void {
    this.#changed = on ? (this.#changed ?? new Set()) : null;
  }

  /** The runs added, removed or touched since the last call, in the order they first changed. */
  drainChanged(): RunRecord[] {
    const changed = this.#changed === null ? [] : [...this.#changed];
    this.#changed?.clear();
    return changed;
  }

  /** The run with this id if it is of one of `kinds` and lives in `workspaceId`, settled at `now`. */
  find(
    id: string,
    kinds: readonly RunKind[],
    workspaceId: string,
    now: number,
  ): RunRecord | undefined {
    const run = this.#runs.get(id);
    if (!run || run.workspaceId !== workspaceId || !kinds.includes(run.kind)) return undefined;
    settleRun(run, now);
    return run;
  }

  /** Any run by id, across workspaces (for the emulator's own API, never for HTTP requests). */
  peek(id: string): RunRecord | undefined {
    return this.#runs.get(id);
  }

  /** Runs of `kinds` in `workspaceId`, settled at `now`, in creation order. */
  list(kinds: readonly RunKind[], workspaceId: string, now: number): RunRecord[] {
    const out: RunRecord[] = [];
    for (const run of this.#runs.values()) {
      if (run.workspaceId !== workspaceId || !kinds.includes(run.kind)) continue;
      settleRun(run, now);
      out.push(run);
    }
    return out;
  }

  /** Removes a run for good and leaves a tombstone. Returns false when it was not there. */
  remove(id: string): boolean {
    const run = this.#runs.get(id);
    if (!run) return false;
    this.#runs.delete(id);
    this.#tombstones.set(id, { kind: run.kind, workspaceId: run.workspaceId });
    this.#changed?.add(run);
    return true;
  }

  tombstone(id: string): Tombstone | undefined {
    return this.#tombstones.get(id);
  }

  all(): IterableIterator<RunRecord> {
    return this.#runs.values();
  }

  get size(): number {
    return this.#runs.size;
  }

  clear(): void {
    this.#runs.clear();
    this.#tombstones.clear();
    this.#changed?.clear();
  }
}
