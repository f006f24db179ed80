import { defineConfig } from "tsdown";

// ESM and CommonJS builds of one entry. @extendkit/core stays external: the CommonJS build
// require()s core's ESM build, which Node supports from 20.19 (hence `engines`).
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  platform: "node",
  dts: true,
  sourcemap: true,
  clean: true,
});
