import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The interrupted-purge tests start the real bin twice against a served emulator.
    testTimeout: 120_000,
  },
});
