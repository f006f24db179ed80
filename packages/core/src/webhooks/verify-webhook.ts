import { InvalidArgumentError } from "../invalid-argument-error.ts";
import { checkWebhookSignature } from "./check-webhook-signature.ts";
import { headerOf } from "./header-of.ts";
import { parseSignatures } from "./parse-signatures.ts";
import { parseWebhookEvent } from "./parse-webhook-event.ts";
import { readDeliveryBody } from "./read-delivery-body.ts";
import { checkWebhookOptions, type VerifyWebhookOptions } from "./verify-webhook-options.ts";
import type { SignedUrlWebhookEvent, WebhookDelivery, WebhookEvent } from "./webhook-event.ts";
import { refuse } from "./webhook-verification-error.ts";

const TIMESTAMP = /^\d{1,12}$/;

/**
 * Verifies a webhook delivery from Extend and returns its event (REFERENCE §6.3): both headers
 * present, the timestamp inside the replay window, an HMAC-SHA256 signature over `v0:{timestamp}:`
 * and the **raw** body bytes that matches under one of the secrets (WebCrypto unless `hmacSha256`
 * says otherwise; compared in constant time), then a JSON event. Checks run in that order, and
 * the body is read only after the headers pass. Throws `WebhookVerificationError` (with a
 * `reason`) for a delivery that fails, and `InvalidArgumentError` for bad options. Pass the
 * `Request` itself (its body is read here; do not read it first) or `{ headers, body }` with the
 * body exactly as received.
 *
 * Deliveries can repeat (retries, `redeliver`): de-duplicate on `eventId` before acting.
 */
export function verifyWebhook(
  delivery: Request | WebhookDelivery,
  options: VerifyWebhookOptions & { signedUrl?: "reject" },
): Promise<WebhookEvent>;
export function verifyWebhook(
  delivery: Request | WebhookDelivery,
  options: VerifyWebhookOptions & { signedUrl: "keep" },
): Promise<WebhookEvent | SignedUrlWebhookEvent>;
export function verifyWebhook(
  delivery: Request | WebhookDelivery,
  options: VerifyWebhookOptions,
): Promise<WebhookEvent | SignedUrlWebhookEvent>;
export async function verifyWebhook(
  delivery: Request | WebhookDelivery,
  options: VerifyWebhookOptions,
): Promise<WebhookEvent | SignedUrlWebhookEvent> {
  const { secrets, maxAgeSeconds, maxFutureSeconds, maxBodyBytes, signedUrl, clock, hmac } =
    checkWebhookOptions(options);
  if (typeof delivery !== "object" || delivery === null || !("headers" in delivery))
    throw new InvalidArgumentError("verifyWebhook: pass the Request, or { headers, body }");
  const isRequest = "bodyUsed" in delivery;
  if (isRequest && delivery.bodyUsed)
    throw new InvalidArgumentError(
      "verifyWebhook: the Request's body was already read; pass { headers, body }",
    );
  const { headers, body: given } = delivery;
  if (
    !isRequest &&
    !(typeof given === "string" || given instanceof Uint8Array || given instanceof ArrayBuffer)
  )
    throw new InvalidArgumentError(
      "verifyWebhook: body must be the raw body as received, not parsed",
    );

  const timestamp = headerOf(headers, "x-extend-request-timestamp")?.trim();
  const signatureHeader = headerOf(headers, "x-extend-request-signature");
  if (!timestamp) refuse("missing-header", "no x-extend-request-timestamp header");
  if (!signatureHeader?.trim()) refuse("missing-header", "no x-extend-request-signature header");
  if (!TIMESTAMP.test(timestamp))
    refuse("malformed-timestamp", "the timestamp is not Unix seconds");
  const age = Math.floor(clock.now() / 1000) - Number(timestamp);
  if (age > maxAgeSeconds)
    refuse("expired", `signed ${age} s ago, more than maxAgeSeconds (${maxAgeSeconds})`);
  if (-age > maxFutureSeconds)
    refuse("future", `signed ${-age} s ahead, more than maxFutureSeconds (${maxFutureSeconds})`);
  const signatures = parseSignatures(signatureHeader);

  if (isRequest) {
    const length = Number(headerOf(headers, "content-length"));
    if (length > maxBodyBytes)
      refuse("body-too-large", `the body is over ${maxBodyBytes} bytes (maxBodyBytes)`);
  }
  const body = await readDeliveryBody(given, maxBodyBytes);
  if (!(await checkWebhookSignature(secrets, signatures, timestamp, body, hmac)))
    refuse("signature-mismatch", "no signature matches the body under the secret");

  const event = parseWebhookEvent(body);
  const payload = event.payload as { object?: unknown; data?: unknown };
  if (signedUrl === "reject" && payload.object === "signed_data_url")
    refuse(
      "signed-url",
      'the payload is a signed URL; pass signedUrl: "keep" and use fetchWebhookPayload, or set the endpoint to inline payloads',
    );
  return event;
}
