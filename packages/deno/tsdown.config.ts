import { defineConfig } from "tsdown";
import { libraryConfig } from "../../scripts/tsdown-preset.ts";

// The npm build (ESM + CJS + declarations: the shared pattern, RELEASING.md). JSR publishes src/
// as is (jsr.json); test/export-maps.test.ts keeps both in step.
export default defineConfig(libraryConfig(new URL(".", import.meta.url)));
