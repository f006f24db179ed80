/** The request body, or why it was refused. */
export type BodyResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; status: 408 | 413; code: string; message: string };

/**
 * Reads at most `maxBytes` of the body within `timeoutMs` (one deadline for the whole body, so a
 * client dripping one byte at a time cannot hold the handler). A declared `Content-Length` above
 * the limit is refused before reading; a stream that exceeds it is cancelled at the limit.
 */
export async function readBody(
  request: Request,
  maxBytes: number,
  timeoutMs: number,
): Promise<BodyResult> {
  const tooLarge = {
    ok: false,
    status: 413,
    code: "body_too_large",
    message: `request bodies are limited to ${maxBytes} bytes`,
  } as const;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return tooLarge;
  if (request.body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === "timeout") {
        return { ok: false, status: 408, code: "body_timeout", message: "request body too slow" };
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) return tooLarge;
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
