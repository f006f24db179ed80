import type { FetchLike } from "./contenders/types.ts";

export interface CountingFetch {
  fetch: FetchLike;
  /** Requests sent (every attempt, retries included). */
  requests: number;
  /** Responses by status; `error` counts fetches that rejected. */
  statuses: Record<string, number>;
  /** Requests sent, and 429s received, from `steadyAfter` on (`performance.now()` time). */
  steady: { requests: number; tooMany: number };
  /** Start of the steady state; requests before it are only counted in the totals. Default: 0. */
  steadyAfter: number;
}

/**
 * The global fetch (undici, keep-alive) with counters, given to every contender in the loopback
 * sections: retries and 429s are counted on the wire, the same way for every client.
 */
export function createCountingFetch(): CountingFetch {
  const counter: CountingFetch = {
    requests: 0,
    statuses: {},
    steady: { requests: 0, tooMany: 0 },
    steadyAfter: 0,
    fetch: async (input, init) => {
      counter.requests++;
      const steady = performance.now() >= counter.steadyAfter;
      if (steady) counter.steady.requests++;
      try {
        const response = await globalThis.fetch(input, init);
        counter.statuses[response.status] = (counter.statuses[response.status] ?? 0) + 1;
        if (steady && response.status === 429) counter.steady.tooMany++;
        return response;
      } catch (error) {
        counter.statuses.error = (counter.statuses.error ?? 0) + 1;
        throw error;
      }
    },
  };
  return counter;
}
