/** The recent successes a rate limiter learns the server's limit from; bounded in size. */
export interface SuccessLog {
  /** Records a success: when its request started, and when its answer arrived. */
  add(startedAt: number, answeredAt: number): void;
  /** Successes whose request started in `[from, to]`. */
  startedBetween(from: number, to: number): number;
  /** Successes answered in the last `spanMs` before `now`, per second (the span is at least 1 s). */
  answeredRate(now: number, spanMs: number): { count: number; perSecond: number };
}

/**
 * Keeps the last `capacity` successes in a ring (two numbers each), so memory never grows with a
 * job. The ring is allocated by the first success: every client has a rate limiter, and most never
 * run a bulk job.
 */
export function createSuccessLog(capacity = 1024): SuccessLog {
  /** `[startedAt, answeredAt]` pairs, flat. */
  let ring: Float64Array | undefined;
  let size = 0;
  let next = 0;
  const each = (visit: (startedAt: number, answeredAt: number) => void) => {
    for (let i = 0; i < size; i++) visit(ring?.[2 * i] as number, ring?.[2 * i + 1] as number);
  };
  return {
    add(startedAt, answeredAt) {
      ring ??= new Float64Array(2 * capacity);
      ring[2 * next] = startedAt;
      ring[2 * next + 1] = answeredAt;
      next = (next + 1) % capacity;
      size = Math.min(capacity, size + 1);
    },
    startedBetween(from, to) {
      let count = 0;
      each((s) => {
        if (s >= from && s <= to) count++;
      });
      return count;
    },
    answeredRate(now, spanMs) {
      let count = 0;
      let oldest = now;
      each((_, a) => {
        if (now - a <= spanMs) {
          count++;
          oldest = Math.min(oldest, a);
        }
      });
      return { count, perSecond: (count * 1000) / Math.max(1000, now - oldest) };
    },
  };
}
