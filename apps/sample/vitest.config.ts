import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The runtime tests start Deno, workerd and Chromium: give them time on a loaded 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
