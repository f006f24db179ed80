import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Nothing here waits on real time (virtual clock); a generous limit only guards against a hang
    // on a busy shared machine, where the 10,000-call cases (CC5, E12, PG4) take seconds.
    testTimeout: 120_000,
  },
});
