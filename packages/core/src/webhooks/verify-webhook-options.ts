import type { Clock } from "../clock.ts";
import { systemClock } from "../clock.ts";
import { InvalidArgumentError } from "../invalid-argument-error.ts";
import { numberProblem } from "../number-problem.ts";
import { type HmacSha256, webCryptoHmac } from "./check-webhook-signature.ts";

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
   * Computes HMAC-SHA256: `(secret, parts) => 32 bytes`, over the parts (strings as UTF-8, or
   * bytes) in order. Default WebCrypto, which every runtime has; where it is slow (off the main
   * thread, ~0.1 ms a delivery), an adapter passes a synchronous HMAC of its platform instead.
   * The comparison stays here, in constant time.
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

/** The options with their defaults; throws `InvalidArgumentError` for any that is wrong or unknown. */
export function checkWebhookOptions(options: VerifyWebhookOptions) {
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
