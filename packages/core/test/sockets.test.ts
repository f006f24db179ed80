// Catalogue A18 and C10 at the socket level: the platform's fetch (Node's undici) against a real
// node:http server on 127.0.0.1, counting what the server sees — bytes it got out, connections
// open — rather than what the client reports. (retries.test.ts and timeouts.test.ts pin the same
// rows on the client's side: the body cancelled, no timer left.)
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { createClient } from "@extendkit/core";
import { afterEach, describe, expect, it } from "vitest";

const RUN = { object: "extract_run", id: "exr_1", status: "PROCESSED" };
const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Serves `handle` on 127.0.0.1; tracks its open sockets. */
async function serve(handle: (url: string, response: ServerResponse) => void) {
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => handle(request.url ?? "", response));
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sockets };
}

/** Writes `total` bytes of `x` in 64 KiB chunks, waiting for drain; resolves to the bytes written. */
function writeLarge(response: ServerResponse, total: number): Promise<number> {
  return new Promise((resolve) => {
    let written = 0;
    const chunk = Buffer.alloc(65_536, 120);
    const next = () => {
      while (written < total) {
        written += chunk.length;
        if (!response.write(chunk)) return void response.once("drain", next);
      }
      response.end();
      resolve(written);
    };
    response.on("close", () => resolve(written));
    next();
  });
}

describe("sockets (A18, C10), against a real server", () => {
  it("A18 a 503 with a 32 MB body: the client reads at most a little of it, drops the socket, and the retry succeeds", async () => {
    const TOTAL = 32 * 1_048_576;
    let firstBody: Promise<number> | undefined;
    let hits = 0;
    const { url } = await serve((_url, response) => {
      hits++;
      if (hits === 1) {
        response.writeHead(503, { "content-type": "text/html" });
        firstBody = writeLarge(response, TOTAL);
        return;
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(RUN));
    });
    const client = createClient({ apiKey: "sk_test_sockets", baseUrl: url });
    expect(await client.extractRuns.retrieve("exr_1")).toEqual(RUN);
    expect(hits).toBe(2);
    // The server stopped writing when the client let the socket go: far short of the body (it may
    // get socket buffers' worth out first; the client keeps at most 64 KiB of an error body).
    const written = await firstBody;
    expect(written).toBeLessThan(TOTAL / 4);
  });

  it("C10 after 300 calls that succeed, are retried, fail, time out or are aborted, no socket stays open past keep-alive", async () => {
    const seen = new Set<string>();
    const { url, sockets } = await serve((path, response) => {
      const id = path.split("/")[2] ?? "";
      // A short keep-alive hint, so idle sockets close within the test's wait.
      const head = { "content-type": "application/json", "keep-alive": "timeout=2" };
      if (id.startsWith("exr_slow")) return; // never answers: the attempt times out
      if (id.startsWith("exr_missing")) {
        response.writeHead(404, head);
        return void response.end('{"code":"NOT_FOUND","message":"no run","retryable":false}');
      }
      if (id.startsWith("exr_flaky") && !seen.has(id)) {
        seen.add(id); // the first attempt of each flaky id gets a 503, its retry the run
        response.writeHead(503, head);
        return void response.end('{"code":"UNAVAILABLE","message":"busy","retryable":true}');
      }
      if (id.startsWith("exr_aborted")) return; // aborted by the caller before any answer
      response.writeHead(200, head);
      response.end(JSON.stringify({ ...RUN, id }));
    });
    // No backoff wait (`random` 0: full jitter of nothing), so the batches take ~0.1 s each.
    const client = createClient({
      apiKey: "sk_test_sockets",
      baseUrl: url,
      maxRetries: 1,
      random: () => 0,
    });
    const kinds = ["exr_ok", "exr_flaky", "exr_missing", "exr_slow", "exr_aborted"];
    const outcomes: string[] = [];
    // 30 at a time, so a busy machine does not turn ordinary calls into timeouts.
    for (let batch = 0; batch < 10; batch++) {
      const calls = Array.from({ length: 30 }, async (_, i) => {
        const kind = kinds[i % kinds.length] as string;
        const controller = new AbortController();
        if (kind === "exr_aborted") setTimeout(() => controller.abort(), 20);
        try {
          await client.extractRuns.retrieve(`${kind}_${batch}_${i}`, {
            timeout: kind === "exr_slow" ? 100 : 10_000,
            ...(kind === "exr_slow" && { maxRetries: 0 }),
            signal: controller.signal,
          });
          return "ok";
        } catch (error) {
          return (error as Error).name;
        }
      });
      outcomes.push(...(await Promise.all(calls)));
    }
    const count = (name: string) => outcomes.filter((o) => o === name).length;
    expect([
      count("ok"),
      count("NotFoundError"),
      count("TimeoutError"),
      count("AbortError"),
    ]).toEqual([120, 60, 60, 60]);
    // Every socket closes once idle: timed-out and aborted attempts' sockets at once, the rest
    // when undici's keep-alive runs out (a few seconds here).
    const deadline = Date.now() + 5_000;
    while (sockets.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(sockets.size).toBe(0);
  }, 20_000);
});
