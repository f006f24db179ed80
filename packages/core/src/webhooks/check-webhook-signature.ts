import { concatBytes } from "./concat-bytes.ts";

const encoder = /* @__PURE__ */ new TextEncoder();
const HMAC = { name: "HMAC", hash: "SHA-256" } as const;
/**
 * Imported keys by secret, least recently used first. Importing is about half the cost of a
 * verification, and a receiver uses one or a few secrets; more than `MAX_KEYS` evicts the oldest.
 * Keys are sign-only and not extractable. Only imported keys are kept, never a pending import:
 * a Worker must not await a promise that another request's context settles.
 */
const keys = /* @__PURE__ */ new Map<string, CryptoKey>();
const MAX_KEYS = 8;

async function keyFor(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key !== undefined) keys.delete(secret);
  else key = await crypto.subtle.importKey("raw", encoder.encode(secret), HMAC, false, ["sign"]);
  keys.set(secret, key);
  if (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value as string);
  return key;
}

/**
 * HMAC-SHA256 under `secret` (its UTF-8 bytes) of the message made of `parts` in order, each a
 * string (hashed as its UTF-8 bytes) or bytes: 32 bytes.
 */
export type HmacSha256 = (
  secret: string,
  parts: readonly (string | Uint8Array)[],
) => Uint8Array | Promise<Uint8Array>;

/** WebCrypto's HMAC-SHA256 (every runtime), with the imported key cached per secret. */
export const webCryptoHmac: HmacSha256 = async (secret, parts) => {
  const message = concatBytes(
    parts.map((part) => (typeof part === "string" ? encoder.encode(part) : part)),
  ) as Uint8Array<ArrayBuffer>;
  return new Uint8Array(await crypto.subtle.sign("HMAC", await keyFor(secret), message));
};

/**
 * Whether one of `signatures` (32-byte HMACs, decoded from hex) is the HMAC-SHA256 of
 * `v0:{timestamp}:{body}` (a string body as its UTF-8 bytes) keyed with one of `secrets` (each
 * the UTF-8 bytes of the whole `wss_…` string), REFERENCE §6.3. The HMAC is computed once per secret; each signature is compared with
 * it in constant time (every byte is read whatever differs), so the time taken says nothing about
 * how much of a forged signature was right.
 */
export async function checkWebhookSignature(
  secrets: readonly string[],
  signatures: readonly Uint8Array[],
  timestamp: string,
  body: string | Uint8Array,
  hmac: HmacSha256,
): Promise<boolean> {
  const message = [`v0:${timestamp}:`, body];
  let matched = false;
  for (const secret of secrets) {
    const expected = await hmac(secret, message);
    for (const signature of signatures) matched = sameBytes(expected, signature) || matched;
  }
  return matched;
}

/** Constant-time equality of two byte strings of 32 bytes (the length is not secret). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== 32 || b.byteLength !== 32) return false;
  let difference = 0;
  for (let i = 0; i < 32; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}
