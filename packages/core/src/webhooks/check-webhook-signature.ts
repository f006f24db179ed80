const encoder = /* @__PURE__ */ new TextEncoder();
const HMAC = { name: "HMAC", hash: "SHA-256" } as const;
/**
 * Imported keys by secret, least recently used first. Importing is about half the cost of a
 * verification, and a receiver uses one or a few secrets; more than `MAX_KEYS` evicts the oldest.
 * Keys are verify-only and not extractable. Only imported keys are kept, never a pending import:
 * a Worker must not await a promise that another request's context settles.
 */
const keys = /* @__PURE__ */ new Map<string, CryptoKey>();
const MAX_KEYS = 8;

async function keyFor(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key !== undefined) keys.delete(secret);
  else key = await crypto.subtle.importKey("raw", encoder.encode(secret), HMAC, false, ["verify"]);
  keys.set(secret, key);
  if (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value as string);
  return key;
}

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
    const key = await keyFor(secret);
    for (const signature of signatures) {
      if (await crypto.subtle.verify("HMAC", key, signature, message)) return true;
    }
  }
  return false;
}
