import { createHmac } from "node:crypto";
import { type HmacSha256, verifyWebhook as verifyWithWebCrypto } from "@extendkit/core";

/** node:crypto's HMAC-SHA256: synchronous, no thread-pool hop (WebCrypto's costs ~0.1 ms in Node). */
const nodeHmac: HmacSha256 = (secret, parts) => {
  const hmac = createHmac("sha256", secret);
  for (const part of parts) hmac.update(part); // a string is hashed as its UTF-8 bytes
  return hmac.digest();
};

/**
 * `@extendkit/core`'s `verifyWebhook` with node:crypto computing the HMAC (`hmacSha256`), unless
 * the options give one: the same checks in the same order, the same errors, about ten times
 * faster per delivery in Node.
 */
export const verifyWebhook = ((delivery, options) =>
  verifyWithWebCrypto(delivery, {
    hmacSha256: nodeHmac,
    ...options,
  })) as typeof verifyWithWebCrypto;
