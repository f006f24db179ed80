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

/** Node's own fetch, captured once: the counting wrapper may be installed as `globalThis.fetch`. */
const platformFetch = globalThis.fetch;

/**
 * The global fetch (undici, keep-alive) with counters, given to every contender in the loopback
 * sections: retries and 429s are counted on the wire, the same way for every client. Installed
 * as `globalThis.fetch` for the trial (`withGlobalFetch`), so a client that uses the platform's
 * fetch by default is measured that way, as an application would run it.
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
        const response = await platformFetch(input, init);
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

/** Runs `work` with `fetch` installed as `globalThis.fetch`, and puts the platform's back after. */
export async function withGlobalFetch<T>(fetch: FetchLike, work: () => Promise<T>): Promise<T> {
  globalThis.fetch = fetch as typeof globalThis.fetch;
  try {
    return await work();
  } finally {
    globalThis.fetch = platformFetch;
  }
}
