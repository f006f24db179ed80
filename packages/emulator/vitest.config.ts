import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/runtimes/deno/**"],
    // The machine is small and shared; these are guards against hangs, never timing assertions.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
