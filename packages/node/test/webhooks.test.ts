// Receiving webhooks in Node: the emulator, served on 127.0.0.1, finishes a run the client
// created and POSTs the signed event to a real node:http server (toNodeHandler) and to Express
// (raw body parser); verifyWebhook checks it there, and fetchWebhookPayload resolves a signed URL
// that the emulator serves.
import { createServer } from "node:http";
import { createBackend, EMULATOR_API_KEY } from "@extendkit/conformance";
import { serveBackend } from "@extendkit/conformance/node";
import { verifyWebhook as verifyWithWebCrypto } from "@extendkit/core";
import { signWebhook } from "@extendkit/emulator";
import {
  createClient,
  fetchWebhookPayload,
  toNodeHandler,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from "@extendkit/node";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listenerFor } from "./listen.ts";

const SECRET = "wss_node_receiver_secret";
const backend = createBackend();
let upstream: Awaited<ReturnType<typeof serveBackend>>;
const listen = listenerFor();
const received: (WebhookEvent | string)[] = [];

beforeAll(async () => {
  upstream = await serveBackend(backend);
});
beforeEach(() => {
  backend.reset();
  received.length = 0;
});
afterAll(async () => {
  await upstream.close();
});

/** Creates an extract run through the client, over HTTP, and lets the emulator finish it. */
async function finishExtractRun(): Promise<string> {
  const client = createClient({ apiKey: EMULATOR_API_KEY, baseUrl: upstream.url });
  const run = await client.extractRuns.create({
    extractor: { id: "ex_abc" },
    file: { url: "https://example.com/invoice.pdf" },
  });
  await backend.emulator.clock.advance(60_000);
  await backend.emulator.webhooks.idle();
  return run.id;
}

describe("webhooks in Node", () => {
  it("a Fetch handler mounted with toNodeHandler verifies the emulator's delivery", async () => {
    const receive = async (request: Request) => {
      try {
        received.push(await verifyWebhook(request, { secret: SECRET }));
        return new Response("ok");
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        received.push(error.reason);
        return new Response(null, { status: 400 });
      }
    };
    const url = await listen(createServer(toNodeHandler(receive)));
    backend.emulator.webhooks.setEndpoints([{ url: `${url}/hooks`, secret: SECRET }]);
    const id = await finishExtractRun();
    expect(received).toHaveLength(1);
    const event = received[0] as WebhookEvent;
    expect(event.eventType).toBe("extract_run.processed");
    if (event.eventType === "extract_run.processed") {
      expect([event.payload.id, event.payload.status]).toEqual([id, "PROCESSED"]);
    }
    expect(backend.emulator.webhooks.deliveries()).toMatchObject([
      { state: "delivered", status: 200 },
    ]);

    // The same receiver with another secret refuses it: the check is real.
    backend.emulator.webhooks.setEndpoints([{ url: `${url}/hooks`, secret: "wss_other" }]);
    await finishExtractRun();
    expect(received[1]).toBe("signature-mismatch");
  });

  it("Express with a raw body verifies { headers, body } and fetches a signed-URL payload", async () => {
    const app = express();
    app.post("/raw", express.raw({ type: "application/json" }), async (req, res) => {
      const event = await verifyWebhook(
        { headers: req.headers, body: req.body as Buffer },
        {
          secret: SECRET,
          signedUrl: "keep",
        },
      );
      received.push(await fetchWebhookPayload(event, { timeout: 5_000 }));
      res.sendStatus(200);
    });
    const url = await listen(createServer(app));
    backend.emulator.webhooks.setEndpoints([
      { url: `${url}/raw`, secret: SECRET, payloadFormat: "url" },
    ]);
    const id = await finishExtractRun();
    const full = received.find((r) => typeof r !== "string") as WebhookEvent;
    expect(full.payload).toMatchObject({ object: "extract_run", id, status: "PROCESSED" });
    expect(received).toHaveLength(1);
    expect(backend.emulator.webhooks.deliveries()).toMatchObject([
      { state: "delivered", status: 200 },
    ]);
  });

  it("@extendkit/node's verifyWebhook computes the HMAC with node:crypto, not WebCrypto", async () => {
    const body = JSON.stringify({
      eventId: "event_n",
      eventType: "parse_run.processed",
      payload: {},
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = await signWebhook({ secret: SECRET, body, timestamp });
    const { subtle } = globalThis.crypto;
    const sign = subtle.sign;
    subtle.sign = () => Promise.reject(new Error("WebCrypto was used"));
    try {
      const event = await verifyWebhook({ headers, body }, { secret: SECRET });
      expect(event.eventId).toBe("event_n");
      // Core's own export does use WebCrypto: the stub above is what it meets.
      await expect(verifyWithWebCrypto({ headers, body }, { secret: SECRET })).rejects.toThrow(
        "WebCrypto was used",
      );
    } finally {
      subtle.sign = sign;
    }
    await expect(verifyWebhook({ headers, body: `${body} ` }, { secret: SECRET })).rejects.toThrow(
      WebhookVerificationError,
    );
  });
});
