/**
 * Time as the bulk helpers see it: every wait (Retry-After, backoff, rate pacing, attempt timeout)
 * goes through one `Clock`, so tests and emulators can inject a virtual one and never sleep.
 * The shape matches the client's `Clock`, so one object serves both.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `callback` once after `ms` milliseconds; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock: `Date.now` and the global timers, looked up per call. */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
};
