// Contract: `await serveBrowserPage({ bundle, runs, target })` → `{ url, close() }`: an HTTP server
// on 127.0.0.1 that serves the smoke page (GET /), the esbuild browser bundle (GET /app.js), and a
// same-origin proxy (/api/* → target) that adds the API key on the server side, as a real
// deployment's proxy does, so the page itself never holds a key.
// TODO(adapters, issue #5): mount `createProxyHandler` from the packed @extendkit/browser/proxy here.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const HOP_BY_HOP = [
  "host",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "accept-encoding",
];

export async function serveBrowserPage({ bundle, runs, target }) {
  const script = readFileSync(bundle);
  const page = `<!doctype html><meta charset="utf-8"><title>extendkit smoke</title>
<script type="application/json" id="smoke-runs">${JSON.stringify(runs)}</script>
<script type="module" src="/app.js"></script>`;
  const server = createServer(async (req, res) => {
    try {
      if (req.url === "/") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
      } else if (req.url === "/app.js") {
        res.writeHead(200, { "content-type": "text/javascript" }).end(script);
      } else if (req.url.startsWith("/api/")) {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (!HOP_BY_HOP.includes(name) && typeof value === "string") headers.set(name, value);
        }
        headers.set("authorization", `Bearer ${target.apiKey}`);
        const chunks = [];
        for await (const chunk of req) chunks.push(chunk);
        const upstream = await fetch(`${target.url}${req.url.slice("/api".length)}`, {
          method: req.method,
          headers,
          body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
          redirect: "manual",
        });
        const body = Buffer.from(await upstream.arrayBuffer());
        const out = {};
        upstream.headers.forEach((value, name) => {
          if (!["content-encoding", "content-length", "transfer-encoding"].includes(name))
            out[name] = value;
        });
        res.writeHead(upstream.status, out).end(body);
      } else {
        res.writeHead(404).end();
      }
    } catch (error) {
      res.writeHead(502, { "content-type": "text/plain" }).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
