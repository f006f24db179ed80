/** Thrown by `readBody` when the stream fails part-way (connection reset, socket closed). */
export class BodyReadError extends Error {
  override name = "BodyReadError";
}

/**
 * Reads `response`'s body as UTF-8 text (a leading BOM removed) while `signal` is live, so the
 * per-attempt timeout covers the body and not only the headers. Reads at most `limit` bytes and
 * then cancels the rest, so a large error page is not downloaded just to be discarded and its
 * connection is released before any retry. On abort the stream is cancelled and `signal.reason`
 * is thrown; a stream error is thrown as `BodyReadError` with the original as `cause`.
 */
export async function readBody(
  response: Response,
  signal: AbortSignal,
  limit: number,
): Promise<string> {
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  aborted.catch(() => {});
  try {
    while (size < limit) {
      const chunk = await Promise.race([reader.read().catch(wrap), aborted]);
      if (chunk.done) return text + decoder.decode();
      size += chunk.value.byteLength;
      text += decoder.decode(chunk.value, { stream: true });
    }
    return (text + decoder.decode()).slice(0, limit);
  } finally {
    signal.removeEventListener("abort", onAbort);
    // Releases the connection when the body was not read to the end (limit, abort, failure).
    reader.cancel().catch(() => {});
  }
}

function wrap(error: unknown): never {
  throw new BodyReadError("the response body was cut off", { cause: error });
}
