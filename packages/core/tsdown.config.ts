import { defineConfig } from "tsdown";

// One ESM entry, neutral platform: the output must run unchanged in Node, Deno, workerd and browsers.
export default defineConfig({
  entry: ["src/index.ts"],
  format: "esm",
  platform: "neutral",
  dts: true,
  sourcemap: true,
  clean: true,
});
