import { defineConfig } from "tsdown";
import { libraryConfig } from "../../scripts/tsdown-preset.ts";

// ESM and CommonJS builds of one entry (the shared pattern, RELEASING.md). @extendkit/core stays
// external: each format loads core's build of the same format.
export default defineConfig(libraryConfig(new URL(".", import.meta.url), { platform: "node" }));
