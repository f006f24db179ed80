import { defineConfig } from "tsdown";
import { libraryConfig } from "../../scripts/tsdown-preset.ts";

// ESM + CJS + declarations, neutral platform, version embedded: the shared pattern (RELEASING.md).
export default defineConfig(libraryConfig(new URL(".", import.meta.url)));
