import { concatBytes } from "./concat-bytes.ts";
import { WebhookVerificationError } from "./webhook-verification-error.ts";

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * A delivery's body as received, at most `limit` bytes of it: a string as it is (its UTF-8 bytes
 * are what was signed; they are counted, not copied, unless the count is close to the limit),
 * bytes as they are, a stream read only until it passes the limit, then cancelled. Over the
 * limit: `WebhookVerificationError("body-too-large")`.
 */
export async function readDeliveryBody<
  B extends string | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> | null,
>(body: B, limit: number): Promise<B extends string ? string : Uint8Array> {
  type Out = B extends string ? string : Uint8Array;
  if (typeof body === "string") {
    // A UTF-16 code unit is 1 to 3 UTF-8 bytes, so only the lengths in between need a count.
    if (body.length > limit || (body.length * 3 > limit && encoder.encode(body).byteLength > limit))
      throw tooLarge(limit);
    return body as unknown as Out;
  }
  let bytes: Uint8Array;
  if (body === null) bytes = new Uint8Array(0);
  else if (body instanceof Uint8Array) bytes = body;
  else if (body instanceof ArrayBuffer) bytes = new Uint8Array(body);
  else bytes = await readStream(body as ReadableStream<Uint8Array>, limit);
  if (bytes.byteLength > limit) throw tooLarge(limit);
  return bytes as Out;
}

async function readStream(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw tooLarge(limit);
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  return concatBytes(chunks);
}

function tooLarge(limit: number) {
  return new WebhookVerificationError(
    "body-too-large",
    `the body is over ${limit} bytes (maxBodyBytes)`,
  );
}
