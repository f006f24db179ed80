import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // workerd starts in seconds on a shared 2-core machine, and the purge runs through real queues.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
