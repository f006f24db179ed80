const encoder = /* @__PURE__ */ new TextEncoder();
const HMAC = { name: "HMAC", hash: "SHA-256" } as const;

/**
 * Whether one of `signatures` (32-byte HMACs, decoded from hex) is the HMAC-SHA256 of
 * `v0:{timestamp}:{body}` keyed with one of `secrets` (each the UTF-8 bytes of the whole `wss_…`
 * string), REFERENCE §6.3. Each comparison is WebCrypto's `verify`, which compares in constant
 * time; the key is imported as verify-only and cannot be exported.
 */
export async function checkWebhookSignature(
  secrets: readonly string[],
  signatures: readonly Uint8Array<ArrayBuffer>[],
  timestamp: string,
  body: Uint8Array,
): Promise<boolean> {
  const prefix = encoder.encode(`v0:${timestamp}:`);
  const message = new Uint8Array(prefix.byteLength + body.byteLength);
  message.set(prefix);
  message.set(body, prefix.byteLength);
  for (const secret of secrets) {
    const key = await crypto.subtle.importKey("raw", encoder.encode(secret), HMAC, false, [
      "verify",
    ]);
    for (const signature of signatures) {
      if (await crypto.subtle.verify("HMAC", key, signature, message)) return true;
    }
  }
  return false;
}
