import { defineConfig } from "tsdown";
import { libraryConfig } from "../../scripts/tsdown-preset.ts";

// One build, so `serve` and the CLI share chunks with the main entry (one copy of the emulator per
// module format). The main entry is Web-standard (neutral platform): it runs unchanged in Node,
// Deno and workerd. Only src/node/ (serve, CLI) uses node:* modules, through @hono/node-server.
// ESM + CJS + declarations: the shared pattern (RELEASING.md); the bin is the ESM dist/cli.js.
export default defineConfig(
  libraryConfig(new URL(".", import.meta.url), {
    entry: { index: "src/index.ts", serve: "src/node/serve.ts", cli: "src/node/cli.ts" },
    external: [/^node:/],
  }),
);
