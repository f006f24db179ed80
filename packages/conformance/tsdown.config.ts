import { defineConfig } from "tsdown";

// "." is Web-standard (runs in Node, Deno, workerd, Chromium); "./node" serves a backend over HTTP;
// "./workerd" bundles a Worker and starts it in workerd (Node side of the workerd suites).
export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node.ts", workerd: "src/workerd.ts" },
  format: "esm",
  platform: "neutral",
  dts: true,
  sourcemap: true,
  clean: true,
});
