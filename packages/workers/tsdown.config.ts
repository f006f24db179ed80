import { defineConfig } from "tsdown";

// Neutral platform: workerd without nodejs_compat must run the output unchanged.
export default defineConfig({
  entry: ["src/index.ts"],
  format: "esm",
  platform: "neutral",
  dts: true,
  sourcemap: true,
  clean: true,
});
