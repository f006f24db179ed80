// Contract: `await startRecorder(upstreamUrl)` → `{ url, requests, close() }`: an HTTP server on
// 127.0.0.1 that appends `{ method, path, headers }` of every request to `requests`, then forwards
// it unchanged to `upstreamUrl` and relays the answer. It sits between the smoke consumers and the
// emulator, which (by design) records no headers, so the harness can check what each runtime sent.
import { createServer } from "node:http";

const HOP_BY_HOP = new Set([
  "host",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
]);

export async function startRecorder(upstreamUrl) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push({ method: req.method, path: req.url, headers: { ...req.headers } });
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (!HOP_BY_HOP.has(name) && typeof value === "string") headers.set(name, value);
      }
      headers.delete("accept-encoding"); // relay plain bodies
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const upstream = await fetch(`${upstreamUrl}${req.url}`, {
        method: req.method,
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
        redirect: "manual",
      });
      const body = Buffer.from(await upstream.arrayBuffer());
      const out = {};
      upstream.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name) && name !== "content-encoding") out[name] = value;
      });
      res.writeHead(upstream.status, out).end(body);
    } catch (error) {
      res.writeHead(502, { "content-type": "text/plain" }).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
