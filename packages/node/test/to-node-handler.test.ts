import { createServer } from "node:http";
import { createProxyHandler, DEFAULT_ALLOW } from "@extendkit/browser/proxy";
import { createBackend, EMULATOR_API_KEY } from "@extendkit/conformance";
import { serveBackend } from "@extendkit/conformance/node";
import { toNodeHandler } from "@extendkit/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenerFor } from "./listen.ts";

const backend = createBackend();
let upstream: Awaited<ReturnType<typeof serveBackend>>;
const listen = listenerFor();

beforeAll(async () => {
  upstream = await serveBackend(backend);
});
afterAll(async () => {
  await upstream.close();
});

const proxy = () =>
  createProxyHandler({
    apiKey: EMULATOR_API_KEY,
    baseUrl: upstream.url,
    allow: DEFAULT_ALLOW,
    authorize: (request) => request.headers.get("cookie") === "session=ok",
  });

const sameOrigin = (origin: string) => ({ cookie: "session=ok", origin });

describe("toNodeHandler", () => {
  it("mounts a fetch handler on node:http: method, full URL, headers, body and status", async () => {
    let seen: { url: string; method: string; body: string; header: string | null } | undefined;
    const url = await listen(
      createServer(
        toNodeHandler(async (request) => {
          seen = {
            url: request.url,
            method: request.method,
            body: await request.text(),
            header: request.headers.get("x-test"),
          };
          const headers = new Headers({ "x-answer": "1" });
          headers.append("set-cookie", "a=1");
          headers.append("set-cookie", "b=2");
          return new Response("created", { status: 201, headers });
        }),
      ),
    );
    const response = await fetch(`${url}/some/path?q=1`, {
      method: "POST",
      body: "hello",
      headers: { "x-test": "yes" },
    });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("created");
    expect(response.headers.get("x-answer")).toBe("1");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(seen).toEqual({
      url: `${url}/some/path?q=1`,
      method: "POST",
      body: "hello",
      header: "yes",
    });
  });

  it("keeps a protocol-relative request target a path: the origin cannot be swapped", async () => {
    let seenUrl = "";
    const url = await listen(
      createServer(
        toNodeHandler((request) => {
          seenUrl = request.url;
          return new Response(null, { status: 204 });
        }),
      ),
    );
    const { request } = await import("node:http");
    await new Promise<void>((resolve, reject) => {
      request(`${url}//evil.example/x`, { method: "GET" }, (res) => {
        res.resume();
        res.on("end", resolve);
      })
        .on("error", reject)
        .end();
    });
    expect(new URL(seenUrl).origin).toBe(url);
    expect(new URL(seenUrl).pathname).toBe("//evil.example/x");
  });

  it("P45 over node:http: TRACE is 405, TRACK and CONNECT are refused by node:http, never reaching the handler", async () => {
    let calls = 0;
    const url = await listen(
      createServer(
        toNodeHandler(() => {
          calls++;
          return new Response(null);
        }),
      ),
    );
    const { request } = await import("node:http");
    const statusOf = (method: string) =>
      new Promise<number | string>((resolve) => {
        request(`${url}/api/extend/workflow_runs/workflow_run_1`, { method }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"))
          .end();
      });
    expect(await statusOf("TRACE")).toBe(405);
    expect(await statusOf("TRACK")).toBe(400); // node's HTTP parser knows no TRACK
    expect(await statusOf("CONNECT")).not.toBe(200);
    expect(calls).toBe(0);
  });

  it("turns a handler failure into a 500 without details", async () => {
    const url = await listen(
      createServer(
        toNodeHandler(() => {
          throw new Error("secret detail");
        }),
      ),
    );
    const response = await fetch(url);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("");
  });

  it("serves the proxy on node:http in front of the emulator", async () => {
    const url = await listen(createServer(toNodeHandler(proxy())));
    const id = await backend.seed("workflowRuns", "PROCESSING");
    const response = await fetch(`${url}/api/extend/workflow_runs/${id}/cancel`, {
      method: "POST",
      headers: sameOrigin(url),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toMatch(/^CANCELL(ED|ING)$/);
  });

  it("serves the proxy as Express middleware under a mount path", async () => {
    const app = express();
    app.use("/api/extend", toNodeHandler(proxy()));
    app.use((_req, res) => {
      res.status(418).send("not the proxy");
    });
    const url = await listen(createServer(app));
    const id = await backend.seed("parseRuns");
    const deleted = await fetch(`${url}/api/extend/parse_runs/${id}`, {
      method: "DELETE",
      headers: sameOrigin(url),
    });
    expect(deleted.status).toBe(200);
    const again = await fetch(`${url}/api/extend/parse_runs/${id}`, { headers: sameOrigin(url) });
    expect(again.status).toBe(404);
    expect((await fetch(`${url}/elsewhere`)).status).toBe(418);
  });
});
