// Contract: `await serveBrowserPage({ project, bundle, runs, target })` → `{ url, requests, close() }`:
// an HTTP server on 127.0.0.1 that serves the smoke page (GET /), the esbuild browser bundle
// (GET /app.js), and, at /api/extend, the *packed* `createProxyHandler` of @extendkit/browser/proxy
// mounted with the packed `toNodeHandler` of @extendkit/node (both loaded with require(): their
// CommonJS builds). The proxy holds the key and forwards to `target`; the page holds none.
// `requests` records `{ method, path, headers }` of what the browser sent to the proxy.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";

export async function serveBrowserPage({ project, bundle, runs, target }) {
  const require = createRequire(join(project, "package.json"));
  const { createProxyHandler } = require("@extendkit/browser/proxy");
  const { toNodeHandler } = require("@extendkit/node");
  const proxy = toNodeHandler(
    createProxyHandler({ apiKey: target.apiKey, baseUrl: target.url, authorize: () => true }),
  );
  const script = readFileSync(bundle);
  const page = `<!doctype html><meta charset="utf-8"><title>extendkit smoke</title>
<script type="application/json" id="smoke-runs">${JSON.stringify(runs)}</script>
<script type="module" src="/app.js"></script>`;
  const requests = [];
  const server = createServer((req, res) => {
    if (req.url === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    } else if (req.url === "/app.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    } else if (req.url.startsWith("/api/extend/")) {
      requests.push({ method: req.method, path: req.url, headers: { ...req.headers } });
      proxy(req, res);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
