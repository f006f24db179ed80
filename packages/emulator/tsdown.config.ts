import { defineConfig } from "tsdown";

// One build, so `serve` and the CLI share chunks with the main entry (one copy of the emulator).
// The main entry is Web-standard (neutral platform): it runs unchanged in Node, Deno and workerd.
// Only src/node/ (serve, CLI) uses node:* modules, through @hono/node-server.
export default defineConfig({
  entry: { index: "src/index.ts", serve: "src/node/serve.ts", cli: "src/node/cli.ts" },
  format: "esm",
  platform: "neutral",
  external: [/^node:/],
  dts: true,
  sourcemap: true,
  clean: true,
});
