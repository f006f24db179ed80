import { defineConfig } from "tsdown";
import { libraryConfig } from "../../scripts/tsdown-preset.ts";

// Two entries that share no module (test/bundle-scan.test.ts checks the output): the browser
// client and the server-side proxy. @extendkit/core stays external. ESM + CJS + declarations,
// version embedded: the shared pattern (RELEASING.md).
export default defineConfig(
  libraryConfig(new URL(".", import.meta.url), {
    entry: { index: "src/index.ts", proxy: "src/proxy/index.ts" },
  }),
);
