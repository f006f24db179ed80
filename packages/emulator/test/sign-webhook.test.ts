import { createHmac } from "node:crypto";
import { signWebhook } from "@extendkit/emulator";
import { describe, expect, it } from "vitest";

// signWebhook (WebCrypto) against node:crypto's HMAC, computed here independently.
const reference = (secret: string, timestamp: string, body: Uint8Array) =>
  createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(Buffer.concat([Buffer.from(`v0:${timestamp}:`, "utf8"), body]))
    .digest("hex");

const SECRET = "wss_4f9c2b7e1d0a8356";

describe("signWebhook", () => {
  it("signs an ASCII string body like node:crypto, with both headers", async () => {
    const body = '{"eventId":"event_1234","eventType":"extract_run.processed","payload":{}}';
    const headers = await signWebhook({ secret: SECRET, body, timestamp: 1772323200 });
    expect(headers).toEqual({
      "x-extend-request-timestamp": "1772323200",
      "x-extend-request-signature": reference(SECRET, "1772323200", Buffer.from(body)),
    });
    expect(headers["x-extend-request-signature"]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("signs non-ASCII text as UTF-8 (body and secret)", async () => {
    const body = '{"name":"Ünïcödé facture €42 — 請求書 ✓ 🧾"}';
    const secret = "wss_sécret_ключ";
    const headers = await signWebhook({ secret, body, timestamp: "1772323200" });
    expect(headers["x-extend-request-signature"]).toBe(
      reference(secret, "1772323200", Buffer.from(body, "utf8")),
    );
  });

  it("signs raw bytes as given, including bytes that are not UTF-8", async () => {
    const body = new Uint8Array([0x7b, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0xe2, 0x82, 0xac, 0x7d]);
    const headers = await signWebhook({ secret: SECRET, body, timestamp: 1 });
    expect(headers["x-extend-request-signature"]).toBe(reference(SECRET, "1", Buffer.from(body)));
  });

  it("bytes and the same text give the same signature; number and string timestamps agree", async () => {
    const text = '{"ok":"✓"}';
    const a = await signWebhook({ secret: SECRET, body: text, timestamp: 1772323200 });
    const b = await signWebhook({
      secret: SECRET,
      body: new TextEncoder().encode(text),
      timestamp: "1772323200",
    });
    expect(a).toEqual(b);
  });

  it("a tampered body, timestamp or secret changes the signature", async () => {
    const base = { secret: SECRET, body: '{"a":1}', timestamp: 100 };
    const sig = async (input: typeof base) =>
      (await signWebhook(input))["x-extend-request-signature"];
    const original = await sig(base);
    expect(await sig({ ...base, body: '{"a":2}' })).not.toBe(original);
    expect(await sig({ ...base, timestamp: 101 })).not.toBe(original);
    expect(await sig({ ...base, secret: `${SECRET}x` })).not.toBe(original);
  });

  it("rejects an empty secret and fractional timestamps (seconds, not ms as a float)", async () => {
    await expect(signWebhook({ secret: "", body: "{}", timestamp: 1 })).rejects.toThrow(/secret/);
    await expect(signWebhook({ secret: SECRET, body: "{}", timestamp: 1.5 })).rejects.toThrow(
      /whole Unix seconds/,
    );
  });
});
