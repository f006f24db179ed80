import { defineConfig } from "tsdown";
import { libraryConfig } from "../../scripts/tsdown-preset.ts";

// `index` (exports `main` for scripts and tests) follows the shared ESM + CommonJS pattern
// (RELEASING.md). `cli` is the `extendkit` bin: ESM only, because it uses top-level await, and it
// keeps its shebang. Neither cleans dist, so the two builds cannot delete each other's files.
const dir = new URL(".", import.meta.url);
export default defineConfig([
  libraryConfig(dir, { entry: { index: "src/index.ts" }, platform: "node", clean: false }),
  libraryConfig(dir, {
    entry: { cli: "src/cli.ts" },
    format: "esm",
    platform: "node",
    dts: false,
    clean: false,
  }),
]);
