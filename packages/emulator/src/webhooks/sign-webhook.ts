/** What `signWebhook` signs. */
export interface SignWebhookInput {
  /** The endpoint's signing secret, the whole string (`wss_…`); its UTF-8 bytes are the HMAC key. */
  secret: string;
  /** The raw request body, exactly as sent: a string (signed as UTF-8) or bytes. */
  body: string | Uint8Array;
  /**
   * Unix seconds. A number must be an integer; a string is signed as given, so a test can forge a
   * malformed or stale timestamp on purpose.
   */
  timestamp: number | string;
}

/**
 * The two headers that authenticate a webhook delivery (REFERENCE §6.3). A type alias, not an
 * interface, so it is assignable to `Record<string, string>` (`HeadersInit`, a verifier's headers).
 */
export type WebhookSignatureHeaders = {
  "x-extend-request-timestamp": string;
  "x-extend-request-signature": string;
};

const utf8 = new TextEncoder();

/**
 * Signs a webhook delivery as Extend does (REFERENCE §6.3): lowercase hex HMAC-SHA256, keyed with the
 * secret's UTF-8 bytes, of `v0:` + timestamp + `:` + the raw body bytes. WebCrypto only
 * (`crypto.subtle`), so it runs in Node, Deno, workerd and browsers. The emulator signs its own
 * deliveries with it; tests use it to forge or tamper deliveries for their receivers.
 */
export async function signWebhook(input: SignWebhookInput): Promise<WebhookSignatureHeaders> {
  const { secret, body, timestamp } = input;
  if (typeof secret !== "string" || secret.length === 0)
    throw new TypeError("signWebhook: secret must be a non-empty string");
  if (typeof timestamp === "number" && !Number.isSafeInteger(timestamp))
    throw new TypeError(`signWebhook: timestamp must be whole Unix seconds, got ${timestamp}`);
  if (typeof timestamp !== "number" && typeof timestamp !== "string")
    throw new TypeError("signWebhook: timestamp must be a number or a string");
  if (typeof body !== "string" && !(body instanceof Uint8Array))
    throw new TypeError("signWebhook: body must be a string or a Uint8Array");
  const prefix = utf8.encode(`v0:${timestamp}:`);
  const bytes = typeof body === "string" ? utf8.encode(body) : body;
  const message = new Uint8Array(prefix.length + bytes.length);
  message.set(prefix);
  message.set(bytes, prefix.length);
  const key = await crypto.subtle.importKey(
    "raw",
    utf8.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, message));
  let hex = "";
  for (const byte of mac) hex += byte.toString(16).padStart(2, "0");
  return { "x-extend-request-timestamp": String(timestamp), "x-extend-request-signature": hex };
}
