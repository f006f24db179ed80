import { rawFetchApi } from "./raw-fetch.ts";
import type { Contender } from "./types.ts";

/**
 * NOT a contender: a reference for section 4 (and `loopback-cpu`). Raw fetch plus the one thing
 * every client that bounds its requests adds: an `AbortSignal` per request, fired after 60 s (core's
 * default per-attempt `timeout`) by a timer that covers the headers and the body, as core's does.
 * Node 20's undici follows each request's signal (a listener, a WeakRef and a FinalizationRegistry
 * entry per `Request`), so this row shows what a bounded request costs before any library code.
 */
export const rawFetchTimed: Contender = {
  name: "raw-fetch-timed",
  label: "(reference) raw fetch + an abort timer per request, not a contender",
  create: (init) => rawFetchApi(init, 60_000),
};
