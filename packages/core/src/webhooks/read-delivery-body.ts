import { WebhookVerificationError } from "./webhook-verification-error.ts";

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * The raw bytes of a delivery's body, at most `limit` of them: a string is encoded as UTF-8 (the
 * bytes it was decoded from, for any body that was valid UTF-8); a stream is read only until it
 * passes the limit, then cancelled. Over the limit: `WebhookVerificationError("body-too-large")`.
 */
export async function readDeliveryBody(
  body: string | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array> {
  let bytes: Uint8Array;
  if (body === null) bytes = new Uint8Array(0);
  else if (typeof body === "string") bytes = encoder.encode(body);
  else if (body instanceof Uint8Array) bytes = body;
  else if (body instanceof ArrayBuffer) bytes = new Uint8Array(body);
  else bytes = await readStream(body, limit);
  if (bytes.byteLength > limit) throw tooLarge(limit);
  return bytes;
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
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

function tooLarge(limit: number) {
  return new WebhookVerificationError(
    "body-too-large",
    `the body is over ${limit} bytes (maxBodyBytes)`,
  );
}
