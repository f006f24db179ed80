import type { Clock } from "../clock.ts";
import { systemClock } from "../clock.ts";
import { InvalidArgumentError } from "../invalid-argument-error.ts";
import { numberProblem } from "../number-problem.ts";
import {
  checkWebhookSignature,
  type HmacSha256,
  webCryptoHmac,
} from "./check-webhook-signature.ts";
import { headerOf } from "./header-of.ts";
import { readDeliveryBody } from "./read-delivery-body.ts";
import type { SignedUrlWebhookEvent, WebhookDelivery, WebhookEvent } from "./webhook-event.ts";
import { WebhookVerificationError } from "./webhook-verification-error.ts";

export interface VerifyWebhookOptions {
  /**
   * The endpoint's signing secret (`wss_…`, shown once when the endpoint is created). An array
   * accepts a delivery signed with any of them, for rotating secrets. Required.
   */
  secret: string | readonly string[];
  /** Oldest accepted `x-extend-request-timestamp`, in seconds before now. Default 300. */
  maxAgeSeconds?: number;
  /** How far ahead of now a timestamp may be, in seconds (clock skew). Default 60. */
  maxFutureSeconds?: number;
  /**
   * Largest body accepted, in bytes. A `Request` body is read only this far, and a
   * `content-length` above it is refused before reading. Default 10 MiB (10,485,760).
   */
  maxBodyBytes?: number;
  /**
   * What to do with an event whose payload is a signed URL (REFERENCE §6.1): `"reject"` throws
   * `WebhookVerificationError("signed-url")`, `"keep"` returns it (then `fetchWebhookPayload`).
   * Default `"reject"`, so code that expects run objects never receives a URL in their place.
   */
  signedUrl?: "reject" | "keep";
  /** The time source of the replay window. Default the system clock. */
  clock?: Pick<Clock, "now">;
  /**
   * Computes HMAC-SHA256 (`(secret, message) => 32 bytes`). Default WebCrypto, which every runtime
   * has but Node runs on its thread pool (~0.1 ms a delivery); `@extendkit/node`'s `verifyWebhook`
   * passes node:crypto's synchronous HMAC instead. The comparison stays here, in constant time.
   */
  hmacSha256?: HmacSha256;
}

// Literals only: esbuild keeps a module-level product such as `10 * 1024 * 1024` in every bundle.
const DEFAULTS = { maxAgeSeconds: 300, maxFutureSeconds: 60, maxBodyBytes: 10_485_760 };
// A literal list, not computed: a module-level call would keep this file in every bundle of core.
const KEYS = [
  "secret",
  "signedUrl",
  "clock",
  "hmacSha256",
  "maxAgeSeconds",
  "maxFutureSeconds",
  "maxBodyBytes",
];
const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^[0-9a-f]{64}$/i;
/** Most signatures read from one header (a rotation sends two; more is not a real delivery). */
const MAX_SIGNATURES = 8;

/**
 * Verifies a webhook delivery from Extend and returns its event (REFERENCE §6.3): both headers
 * present, the timestamp inside the replay window, an HMAC-SHA256 signature over `v0:{timestamp}:`
 * and the **raw** body bytes that matches under one of the secrets (WebCrypto, constant time), then
 * a JSON event. Checks run in that order, and the body is read only after the headers pass.
 * Throws `WebhookVerificationError` (with a `reason`) for a delivery that fails, and
 * `InvalidArgumentError` for bad options. Pass the `Request` itself (its body is read here; do not
 * read it first) or `{ headers, body }` with the body exactly as received.
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
    checkOptions(options);
  if (typeof delivery !== "object" || delivery === null || !("headers" in delivery))
    throw new InvalidArgumentError("verifyWebhook: pass the Request, or { headers, body }");
  const isRequest = "bodyUsed" in delivery;
  if (isRequest && delivery.bodyUsed)
    throw new InvalidArgumentError(
      "verifyWebhook: the Request's body was already read; pass { headers, body } with the raw body",
    );
  const { headers } = delivery;

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
  const signatures = signaturesOf(signatureHeader);

  if (isRequest) {
    const length = Number(headerOf(headers, "content-length"));
    if (length > maxBodyBytes)
      refuse("body-too-large", `the body is over ${maxBodyBytes} bytes (maxBodyBytes)`);
  }
  const body = await readDeliveryBody(delivery.body, maxBodyBytes);
  if (!(await checkWebhookSignature(secrets, signatures, timestamp, body, hmac)))
    refuse("signature-mismatch", "no signature matches the body under the secret");

  const event = parseEvent(body);
  const payload = event.payload as { object?: unknown; data?: unknown };
  if (signedUrl === "reject" && payload.object === "signed_data_url")
    refuse(
      "signed-url",
      'the payload is a signed URL; pass signedUrl: "keep" and use fetchWebhookPayload, or set the endpoint to inline payloads',
    );
  return event;
}

function refuse(reason: WebhookVerificationError["reason"], message: string): never {
  throw new WebhookVerificationError(reason, message);
}

/** The header's signatures as bytes: one or more 64-hex-digit values, comma or space separated. */
function signaturesOf(header: string): Uint8Array<ArrayBuffer>[] {
  const values = header.split(/[\s,]+/).filter((value) => value !== "");
  if (values.length > MAX_SIGNATURES || !values.every((value) => SIGNATURE.test(value)))
    refuse("malformed-signature", "the signature is not 64 hex digits");
  return values.map((hex) => {
    const bytes = new Uint8Array(32);
    for (let i = 0; i < 32; i++) bytes[i] = (nibble(hex, 2 * i) << 4) | nibble(hex, 2 * i + 1);
    return bytes;
  });
}

/** The value of the hex digit at `at` (already checked to be one). */
function nibble(hex: string, at: number): number {
  const code = hex.charCodeAt(at) | 0x20; // lowercase
  return code <= 0x39 ? code - 0x30 : code - 0x57;
}

const decoder = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: true });

/** The event of an authentic body: UTF-8 JSON with a string `eventId` and `eventType` and an object `payload`. */
function parseEvent(body: Uint8Array | string): WebhookEvent | SignedUrlWebhookEvent {
  let event: unknown;
  try {
    event = JSON.parse(typeof body === "string" ? body : decoder.decode(body));
  } catch {
    refuse("malformed-body", "the signed body is not UTF-8 JSON");
  }
  const { eventId, eventType, payload } = (event ?? {}) as Record<string, unknown>;
  if (
    typeof eventId !== "string" ||
    eventId === "" ||
    typeof eventType !== "string" ||
    eventType === "" ||
    typeof payload !== "object" ||
    payload === null ||
    Array.isArray(payload)
  )
    refuse("malformed-body", "the signed body is not an event { eventId, eventType, payload }");
  return event as WebhookEvent;
}

function checkOptions(options: VerifyWebhookOptions) {
  const fail = (message: string): never => {
    throw new InvalidArgumentError(`verifyWebhook: ${message}`);
  };
  if (typeof options !== "object" || options === null) fail("options must be an object");
  for (const key of Object.keys(options))
    if (!KEYS.includes(key)) fail(`options has an unknown key ${JSON.stringify(key)}`);
  const {
    secret,
    signedUrl = "reject",
    clock = systemClock,
    hmacSha256: hmac = webCryptoHmac,
  } = options;
  const secrets = typeof secret === "string" ? [secret] : secret;
  if (
    !Array.isArray(secrets) ||
    secrets.length === 0 ||
    !secrets.every((s) => typeof s === "string" && s !== "")
  )
    fail("secret must be the endpoint's signing secret (a non-empty string) or an array of them");
  if (signedUrl !== "reject" && signedUrl !== "keep") fail('signedUrl must be "reject" or "keep"');
  if (typeof clock?.now !== "function") fail("clock must have a now() method");
  if (typeof hmac !== "function") fail("hmacSha256 must be a function");
  const limits = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const value = options[key];
    const problem = numberProblem(value, key === "maxBodyBytes" ? 1 : 0, key === "maxBodyBytes");
    if (problem !== undefined) fail(`${key} ${problem}`);
    if (value !== undefined) limits[key] = value;
  }
  return { secrets: secrets as readonly string[], signedUrl, clock, hmac, ...limits };
}
