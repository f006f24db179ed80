// verifyWebhook, property: for random events, bodies (bytes or text, any Unicode), secrets and
// timestamps inside the window, a delivery signed as Extend signs it (node:crypto, independently)
// verifies to exactly its event, and any one change (a body byte, the timestamp, a signature
// digit, the secret) is refused, with both the WebCrypto HMAC and a given one.
import { createHmac } from "node:crypto";
import { verifyWebhook, WebhookVerificationError } from "@extendkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const NOW = 1_780_000_000_000;
const clock = { now: () => NOW };
const nodeHmac = (secret: string, parts: readonly (string | Uint8Array)[]) => {
  const hmac = createHmac("sha256", secret);
  for (const part of parts) hmac.update(part);
  return hmac.digest();
};

const delivery = fc.record({
  secret: fc.string({ minLength: 1, maxLength: 40, unit: "binary" }),
  age: fc.integer({ min: -60, max: 300 }),
  event: fc.record({
    eventId: fc.string({ minLength: 1, maxLength: 30, unit: "grapheme" }),
    eventType: fc.constantFrom("extract_run.processed", "workflow_run.failed", "other.type"),
    payload: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
  }),
  asBytes: fc.boolean(),
  indent: fc.constantFrom(undefined, 1, "\t"),
  given: fc.boolean(),
});

const refused = (work: Promise<unknown>) =>
  work.then(
    () => "verified",
    (error: unknown) => (error instanceof WebhookVerificationError ? error.reason : String(error)),
  );

describe("verifyWebhook, property", () => {
  it("authentic deliveries verify to their event; any single change is refused", async () => {
    await fc.assert(
      fc.asyncProperty(
        delivery,
        fc.nat(),
        async ({ secret, age, event, asBytes, indent, given }, pick) => {
          const text = JSON.stringify(event, null, indent);
          const bytes = new TextEncoder().encode(text);
          const timestamp = String(Math.floor(NOW / 1000) - age);
          const signature = createHmac("sha256", secret)
            .update(`v0:${timestamp}:`)
            .update(bytes)
            .digest("hex");
          const headers = {
            "x-extend-request-timestamp": timestamp,
            "x-extend-request-signature": signature,
          };
          const options = { secret, clock, ...(given ? { hmacSha256: nodeHmac } : {}) };
          const body = asBytes ? bytes : text;
          expect(await verifyWebhook({ headers, body }, options)).toEqual(JSON.parse(text));

          const flipped = bytes.slice();
          const at = pick % flipped.length;
          flipped[at] = (flipped[at] as number) ^ (1 << (pick % 8));
          expect(await refused(verifyWebhook({ headers, body: flipped }, options))).toBe(
            "signature-mismatch",
          );
          const later = { ...headers, "x-extend-request-timestamp": String(Number(timestamp) - 1) };
          expect(await refused(verifyWebhook({ headers: later, body }, options))).toMatch(
            /^(signature-mismatch|expired)$/,
          );
          const digit = pick % 64;
          const other = signature[digit] === "0" ? "1" : "0";
          const wrong = `${signature.slice(0, digit)}${other}${signature.slice(digit + 1)}`;
          const forged = { ...headers, "x-extend-request-signature": wrong };
          expect(await refused(verifyWebhook({ headers: forged, body }, options))).toBe(
            "signature-mismatch",
          );
          expect(
            await refused(verifyWebhook({ headers, body }, { ...options, secret: `${secret}x` })),
          ).toBe("signature-mismatch");
        },
      ),
      { numRuns: 300 },
    );
  });
});
