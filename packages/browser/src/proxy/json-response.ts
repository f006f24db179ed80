/** Headers on every response of the proxy: JSON only, never sniffed, never cached, no cookies. */
export function baseHeaders(requestId: string): Headers {
  return new Headers({
    "content-type": "application/json; charset=utf-8",
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
    "x-request-id": requestId,
  });
}

/** A refusal in Extend's error shape, so the browser client raises an `ApiError` with `code`. */
export function refuse(
  requestId: string,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): Response {
  const headers = baseHeaders(requestId);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  const body = { code, message, retryable: status === 429, requestId };
  return new Response(JSON.stringify(body), { status, headers });
}
