// fetchWebhookPayload against a real HTTP server on 127.0.0.1: the run object replaces the signed
// URL, nothing but a GET without credentials is sent, and every failure is typed and keeps the
// URL's signature (its query) out of messages and causes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  fetchWebhookPayload,
  type SignedUrlWebhookEvent,
  type WebhookEvent,
  WebhookPayloadError,
} from "@extendkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SIG = "sig=SECRETSIGNATURE123";
const RUN = {
  object: "extract_run",
  id: "exr_1",
  status: "PROCESSED",
  output: { value: { total: 42 } },
};
const seen: IncomingMessage[] = [];
let server: Server;
let base: string;

const routes: Record<string, (res: ServerResponse) => void> = {
  "/run": (res) =>
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(RUN)),
  "/expired": (res) => res.writeHead(403).end("<Error>Request has expired</Error>"),
  "/other": (res) => res.writeHead(200).end(JSON.stringify({ ...RUN, id: "exr_2" })),
  "/html": (res) => res.writeHead(200).end("<html>"),
  "/array": (res) => res.writeHead(200).end("[]"),
  "/big": (res) => res.writeHead(200).end(JSON.stringify({ ...RUN, pad: "x".repeat(10_000) })),
  "/redirect": (res) => res.writeHead(302, { location: `${base}/run?${SIG}` }).end(),
  "/hang": () => {},
};

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    routes[new URL(req.url ?? "/", "http://x").pathname]?.(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const signed = (path: string, url = `${base}${path}?${SIG}`): SignedUrlWebhookEvent => ({
  eventId: "event_1",
  eventType: "extract_run.processed",
  payload: { object: "signed_data_url", id: "exr_1", data: url, metadata: { env: "test" } },
});

async function failure(work: Promise<unknown>): Promise<WebhookPayloadError> {
  const error = await work.then(
    () => expect.fail("fetched"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookPayloadError);
  const shown = `${(error as Error).message} ${JSON.stringify(error)}`;
  expect(shown).not.toContain("SECRETSIGNATURE123");
  return error as WebhookPayloadError;
}

describe("fetchWebhookPayload", () => {
  it("replaces the signed URL with the run object, sending a bare GET", async () => {
    seen.length = 0;
    const full: WebhookEvent = await fetchWebhookPayload(signed("/run"));
    expect(full).toEqual({ eventId: "event_1", eventType: "extract_run.processed", payload: RUN });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe(`/run?${SIG}`);
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers.cookie).toBeUndefined();
  });

  it("returns an inline event as it is, without fetching", async () => {
    const inline = {
      eventId: "event_3",
      eventType: "parse_run.processed",
      payload: { object: "parse_run_status", id: "pr_1", status: "PROCESSED" },
    } as WebhookEvent;
    const fetch = () => expect.fail("fetched");
    expect(await fetchWebhookPayload(inline, { fetch })).toBe(inline);
  });

  it("uses the fetch it is given", async () => {
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      return Response.json(RUN);
    };
    const full = await fetchWebhookPayload(signed("", "https://files.example/p?x=1"), { fetch });
    expect(full.payload).toEqual(RUN);
    expect(urls).toEqual(["https://files.example/p?x=1"]);
  });

  it("refuses URLs that are not https (http to loopback only), or carry credentials", async () => {
    const fetch = () => expect.fail("fetched");
    for (const url of [
      "http://files.example/p",
      "https://u:p@files.example/p",
      "ftp://x/p",
      "not a url",
      "javascript:alert(1)",
    ]) {
      expect((await failure(fetchWebhookPayload(signed("", url), { fetch }))).reason).toBe("url");
    }
  });

  it("types each failure, without the URL's query", async () => {
    const expired = await failure(fetchWebhookPayload(signed("/expired")));
    expect([expired.reason, expired.status]).toEqual(["status", 403]);
    expect((await failure(fetchWebhookPayload(signed("/other")))).reason).toBe("mismatch");
    expect((await failure(fetchWebhookPayload(signed("/html")))).reason).toBe("body");
    expect((await failure(fetchWebhookPayload(signed("/array")))).reason).toBe("body");
    expect(
      (await failure(fetchWebhookPayload(signed("/big"), { maxBodyBytes: 1000 }))).reason,
    ).toBe("body");
    await expect(fetchWebhookPayload(signed("/run"), { timeout: 0 })).rejects.toThrow(
      "fetchWebhookPayload: timeout must be a finite number >= 1",
    );
  });

  it("does not follow a redirect", async () => {
    seen.length = 0;
    const redirected = await failure(fetchWebhookPayload(signed("/redirect")));
    expect([redirected.reason, redirected.status]).toEqual(["status", 302]);
    expect(redirected.message).toContain("a redirect, not followed");
    expect(seen.map((r) => r.url)).toEqual([`/redirect?${SIG}`]);
  });

  it("times out, aborts, and reports a refused connection", async () => {
    expect((await failure(fetchWebhookPayload(signed("/hang"), { timeout: 50 }))).reason).toBe(
      "timeout",
    );
    const controller = new AbortController();
    const aborted = fetchWebhookPayload(signed("/hang"), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop")), 20);
    expect((await failure(aborted)).reason).toBe("aborted");
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await failure(
      fetchWebhookPayload(signed("", `http://127.0.0.1:${port}/run?${SIG}`)),
    );
    expect(refused.reason).toBe("connection");
  });
});
