import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Chromium pages and workerd start in seconds on a shared 2-core machine; no test asserts time.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
