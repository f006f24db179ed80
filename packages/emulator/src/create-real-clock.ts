import type { EmulatorClock } from "./emulator-clock.ts";

/**
 * Wall-clock time, for demos: a run created now finishes after the configured durations.
 * `advance(ms)` skips ahead (adds an offset) without waiting.
 */
export function createRealClock(): EmulatorClock & { reset(): void } {
  let offset = 0;
  return {
    kind: "real",
    now: () => Date.now() + offset,
    async advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`clock.advance(ms): ms must be >= 0, got ${ms}`);
      offset += ms;
    },
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const id = setTimeout(resolve, Math.max(0, ms));
        signal?.addEventListener(
          "abort",
          () => {
            clearTimeout(id);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    },
    reset() {
      offset = 0;
    },
  };
}
