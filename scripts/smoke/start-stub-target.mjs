// TODO(emulator, issue #4): a stand-in for `@extendkit/emulator`'s `serve`, used only while the
// emulator package does not exist in this checkout. It knows just what the smoke needs (bearer
// key, get/cancel/delete of seeded runs, 404 after delete) and is NOT a model of the API.
// pack-and-smoke.mjs switches to the packed emulator as soon as packages/emulator exists; then
// delete this file.
//
// Contract (shared with start-emulator-target.mjs): `await startStubTarget()` →
// `{ kind, url, apiKey, seed(runType) → id, exists(runType, id), requests, close() }`, where
// `requests` lists `{ method, path, headers }` of every request received, in order.
import { createServer } from "node:http";

const API_KEY = "sk_test_emulator";

export async function startStubTarget() {
  const runs = new Map(); // `${path}/${id}` → { status }
  const requests = [];
  let next = 0;
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://stub").pathname;
    requests.push({ method: req.method, path, headers: { ...req.headers } });
    const reply = (status, body) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${API_KEY}`) {
      return reply(401, { code: "UNAUTHORIZED", message: "bad API key" });
    }
    const match = /^\/([a-z_]+)\/([^/]+)(\/cancel)?$/.exec(path);
    const key = match && `${match[1]}/${match[2]}`;
    const run = key && runs.get(key);
    if (!run) return reply(404, { code: "NOT_FOUND", message: "run not found" });
    if (req.method === "GET" && !match[3]) return reply(200, { id: match[2], status: run.status });
    if (req.method === "POST" && match[3]) {
      run.status = "CANCELLED";
      return reply(200, { id: match[2], status: run.status });
    }
    if (req.method === "DELETE" && !match[3]) {
      runs.delete(key);
      return reply(200, { id: match[2], deleted: true });
    }
    return reply(405, { code: "METHOD_NOT_ALLOWED", message: `${req.method} ${path}` });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    kind: "stub (TODO: emulator)",
    url: `http://127.0.0.1:${port}`,
    apiKey: API_KEY,
    seed(runType) {
      const id = `${runType.prefix}smoke${String(++next).padStart(4, "0")}`;
      runs.set(`${runType.path}/${id}`, { status: "PROCESSING" });
      return id;
    },
    exists: (runType, id) => runs.has(`${runType.path}/${id}`),
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
