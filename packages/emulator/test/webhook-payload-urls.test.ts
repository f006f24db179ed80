import { createEmulator, type WebhookEndpoint } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";
import { api, CREATE } from "./helpers.ts";
import { recordingFetch, runWebhookEventProblems, verifies } from "./webhook-helpers.ts";

// Endpoints with `payloadFormat: "url"` (REFERENCE §6.1): large payloads become a signed data URL
// that the emulator itself serves, without an API key, for one hour of emulator time.

const SECRET = "wss_url_secret";
const HOUR = 60 * 60 * 1000;

function setupUrl(endpoint: Partial<WebhookEndpoint> = {}, payloadBaseUrl?: string) {
  const receiver = recordingFetch();
  const emu = createEmulator({
    webhooks: {
      endpoints: [{ url: "https://hooks.example.test/in", secret: SECRET, ...endpoint }],
      fetch: receiver.fetch,
      ...(payloadBaseUrl ? { payloadBaseUrl } : {}),
    },
  });
  return { emu, call: api(emu), received: receiver.received };
}

describe("signed data URL payloads", () => {
  it("payloadFormat url: the payload is a signed_data_url whose URL serves the run without auth", async () => {
    const { emu, call, received } = setupUrl({ payloadFormat: "url" });
    const run = (
      await call("POST", "/extract_runs", {
        ...(CREATE["/extract_runs"] as object),
        metadata: { customerId: "cus_42" },
      })
    ).body;
    await emu.clock.advance(2000);
    await emu.webhooks.idle();
    const [delivery] = received;
    if (!delivery) throw new Error("one delivery expected");
    expect(verifies(SECRET, delivery.headers, delivery.body)).toBe(true);
    expect(runWebhookEventProblems(delivery.event)).toEqual([]);
    const { payload } = delivery.event;
    expect(payload).toEqual({
      object: "signed_data_url",
      id: run.id,
      data: expect.stringMatching(
        /^https:\/\/api\.extend\.test\/__emulator\/webhook-payloads\/event_\w+\?sig=\w{32}$/,
      ),
      metadata: { customerId: "cus_42" },
    });
    const fetched = await emu.fetch(payload.data); // no authorization header
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get("content-type")).toBe("application/json");
    expect(await fetched.json()).toEqual((await call("GET", `/extract_runs/${run.id}`)).body);
    expect((await emu.fetch(payload.data)).status).toBe(200); // not single-use
    expect(emu.records.requests.at(-1)?.operationId).toBe("webhookPayload");
  });

  it("the URL answers 404 with a wrong token, for an unknown event, and after one hour", async () => {
    const { emu, call, received } = setupUrl({ payloadFormat: "url" });
    await call("POST", "/parse", CREATE["/parse_runs"]);
    await emu.webhooks.idle();
    const url = new URL(received[0]?.event.payload.data);
    const wrong = new URL(url);
    wrong.searchParams.set("sig", "A".repeat(32));
    expect((await emu.fetch(wrong)).status).toBe(404);
    const noToken = new URL(url);
    noToken.search = "";
    expect((await emu.fetch(noToken)).status).toBe(404);
    expect(
      (await emu.fetch(url.href.replace(/event_\w+/, "event_unknown0000000000000"))).status,
    ).toBe(404);
    await emu.clock.advance(HOUR - 1);
    const lastMoment = await emu.fetch(url);
    expect(lastMoment.status).toBe(200);
    // The parse event's payload is the minimal parse_run_status, and so is what the URL serves.
    expect(await lastMoment.json()).toMatchObject({
      object: "parse_run_status",
      status: "PROCESSED",
    });
    await emu.clock.advance(1);
    const expired = await emu.fetch(url);
    expect(expired.status).toBe(404);
    expect(await expired.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("urlThresholdBytes: bodies at or under it stay inline, larger ones go by URL", async () => {
    const { emu, call, received } = setupUrl({ payloadFormat: "url", urlThresholdBytes: 600 });
    await call("POST", "/parse", CREATE["/parse_runs"]); // a small parse_run_status event
    await call("POST", "/extract", CREATE["/extract_runs"]); // a full extract run: larger
    await emu.webhooks.idle();
    const [parse, extract] = received;
    expect(parse?.body.length).toBeLessThanOrEqual(600);
    expect(parse?.event.payload.object).toBe("parse_run_status");
    expect(extract?.event.payload.object).toBe("signed_data_url");
    for (const r of received) expect(runWebhookEventProblems(r.event)).toEqual([]);
  });

  it("payloadBaseUrl sets the URL's base; emulator.fetch serves it whatever the origin", async () => {
    const { emu, call, received } = setupUrl(
      { payloadFormat: "url" },
      "https://emulator.example.test/extend/",
    );
    await call("POST", "/extract", CREATE["/extract_runs"]);
    await emu.webhooks.idle();
    const data: string = received[0]?.event.payload.data;
    expect(data).toMatch(
      /^https:\/\/emulator\.example\.test\/extend\/__emulator\/webhook-payloads\//,
    );
    const path = new URL(data);
    expect(
      (
        await emu.fetch(
          `http://anything.test/__emulator/webhook-payloads/${path.pathname.split("/").at(-1)}${path.search}`,
        )
      ).status,
    ).toBe(200);
  });

  it("redeliver sends the very same body, so the same signed URL", async () => {
    const { emu, call, received } = setupUrl({ payloadFormat: "url" });
    await call("POST", "/extract", CREATE["/extract_runs"]);
    await emu.webhooks.idle();
    await emu.clock.advance(5000);
    await emu.webhooks.redeliver(received[0]?.event.eventId);
    expect(received[1]?.body).toBe(received[0]?.body);
  });
});
