import { defineConfig } from "tsdown";

// Node only: `cli.js` is the `extendkit` bin (it keeps its shebang), `index.js` exports `main` for
// programmatic use and tests.
export default defineConfig({
  entry: { cli: "src/cli.ts", index: "src/index.ts" },
  format: "esm",
  platform: "node",
  dts: true,
  sourcemap: true,
  clean: true,
});
