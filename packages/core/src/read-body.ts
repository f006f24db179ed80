// Decodes whole bodies only (never `stream: true`), so one decoder serves every call.
const decoder = /* @__PURE__ */ new TextDecoder();

/**
 * Reads a body as UTF-8 text (a leading BOM removed) through `reader`, at most `limit` bytes, so a
 * large error page is not downloaded just to be discarded. Each read is awaited through `settle`,
 * the attempt's abort race (`sendAttempt`), so the attempt's timer and the caller's signal cover
 * the body as well as the headers. The bytes are decoded once at the end (a character split
 * between chunks decodes correctly). Resolves to `[text, done]`: `done` is false when the limit
 * cut the body short, and the caller then cancels the reader.
 */
export async function readBody(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  limit: number,
  settle: <T>(work: Promise<T>) => Promise<T>,
): Promise<[text: string, done: boolean]> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const chunk = await settle(reader.read());
    if (chunk.done) return [decode(chunks, size), true];
    chunks.push(chunk.value);
    size += chunk.value.byteLength;
  }
  const text = decode(chunks, size);
  // Cut at `limit` characters, like the bytes: an excerpt is all that is kept of such a body.
  return [text.slice(0, limit), false];
}

function decode(chunks: Uint8Array[], size: number): string {
  if (chunks.length <= 1) return decoder.decode(chunks[0]);
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return decoder.decode(all);
}
