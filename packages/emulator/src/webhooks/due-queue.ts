import type { RunRecord } from "../run-record.ts";

/**
 * Runs by the time their next phase is due, earliest first: a binary min-heap. Scheduling a run
 * again replaces its time; the old entry stays in the heap and is skipped when it surfaces.
 */
export class DueQueue {
  readonly #heap: { at: number; run: RunRecord }[] = [];
  /** Each queued run's current time; an entry with another time is stale. */
  readonly #at = new Map<RunRecord, number>();

  schedule(run: RunRecord, at: number): void {
    if (this.#at.get(run) === at) return;
    this.#at.set(run, at);
    this.#heap.push({ at, run });
    this.#up(this.#heap.length - 1);
  }

  /** The runs due at or before `now`, each once, earliest first; they leave the queue. */
  takeDue(now: number): RunRecord[] {
    const due: RunRecord[] = [];
    for (let top = this.#top(); top !== undefined && top.at <= now; top = this.#top()) {
      this.#pop();
      this.#at.delete(top.run);
      due.push(top.run);
    }
    return due;
  }

  /** When the earliest queued run is due; +Infinity when none is. */
  nextAt(): number {
    return this.#top()?.at ?? Number.POSITIVE_INFINITY;
  }

  /** The earliest current entry, after dropping stale ones from the top. */
  #top(): { at: number; run: RunRecord } | undefined {
    for (let top = this.#heap[0]; top !== undefined; top = this.#heap[0]) {
      if (this.#at.get(top.run) === top.at) return top;
      this.#pop();
    }
    return undefined;
  }

  #pop(): void {
    const last = this.#heap.pop();
    if (last === undefined || this.#heap.length === 0) return;
    this.#heap[0] = last;
    this.#down(0);
  }

  #up(i: number): void {
    const heap = this.#heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as { at: number }).at <= (heap[i] as { at: number }).at) return;
      [heap[parent], heap[i]] = [heap[i] as (typeof heap)[0], heap[parent] as (typeof heap)[0]];
      i = parent;
    }
  }

  #down(i: number): void {
    const heap = this.#heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && (heap[left]?.at ?? 0) < (heap[least]?.at ?? 0)) least = left;
      if (right < heap.length && (heap[right]?.at ?? 0) < (heap[least]?.at ?? 0)) least = right;
      if (least === i) return;
      [heap[least], heap[i]] = [heap[i] as (typeof heap)[0], heap[least] as (typeof heap)[0]];
      i = least;
    }
  }
}
