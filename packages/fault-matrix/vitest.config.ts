import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each scenario run drives 1,000 runs through the emulator on a virtual clock; on a busy
    // 2-core CI machine one can take a few seconds of real time.
    testTimeout: 120_000,
  },
});
