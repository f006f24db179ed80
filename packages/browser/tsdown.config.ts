import { defineConfig } from "tsdown";

// Two entries that share no module (test/bundle-scan.test.ts checks the output): the browser
// client and the server-side proxy. @extendkit/core stays external.
export default defineConfig({
  entry: { index: "src/index.ts", proxy: "src/proxy/index.ts" },
  format: "esm",
  platform: "neutral",
  dts: true,
  sourcemap: true,
  clean: true,
});
