import { defineConfig } from "tsdown";

// The npm build. JSR publishes src/ as is (jsr.json); test/export-maps.test.ts keeps both in step.
export default defineConfig({
  entry: ["src/index.ts"],
  format: "esm",
  platform: "neutral",
  dts: true,
  sourcemap: true,
  clean: true,
});
