import { defineConfig } from "tsdown";
import { libraryConfig } from "../../scripts/tsdown-preset.ts";

// Neutral platform: workerd without nodejs_compat must run the output unchanged. ESM + CJS +
// declarations: the shared pattern (RELEASING.md).
export default defineConfig(libraryConfig(new URL(".", import.meta.url)));
