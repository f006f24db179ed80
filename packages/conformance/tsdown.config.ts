import { defineConfig } from "tsdown";

// "." is Web-standard (runs in Node, Deno, workerd, Chromium); "./node" serves a backend over HTTP.
export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node.ts" },
  format: "esm",
  platform: "neutral",
  dts: true,
  sourcemap: true,
  clean: true,
});
