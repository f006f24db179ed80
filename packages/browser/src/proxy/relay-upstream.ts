import { baseHeaders, refuse } from "./json-response.ts";

const PASS_HEADERS: Record<string, RegExp> = {
  "retry-after": /^[\w ,:+-]{1,64}$/,
  "retry-after-ms": /^\d{1,10}$/,
  "x-extend-request-id": /^[A-Za-z0-9_-]{1,128}$/,
};

/**
 * Turns the upstream answer into the proxy's: JSON only (anything else → 502), at most
 * `maxBytes` (more → 502), every occurrence of the key replaced by `[redacted]`, and headers
 * rebuilt from scratch (only Retry-After, retry-after-ms and x-extend-request-id pass, checked
 * against their grammar; no Set-Cookie, no Location). A redirect is never followed: 502.
 */
export async function relayUpstream(
  upstream: Response,
  requestId: string,
  apiKey: string,
  maxBytes: number,
): Promise<{ response: Response; code: string | null }> {
  const no = (code: string, message: string) => ({
    response: refuse(requestId, 502, code, message),
    code,
  });
  if (upstream.type === "opaqueredirect" || (upstream.status >= 300 && upstream.status < 400)) {
    await upstream.body?.cancel();
    return no("upstream_redirect", "the API answered with a redirect");
  }
  const headers = baseHeaders(requestId);
  for (const [name, grammar] of Object.entries(PASS_HEADERS)) {
    const value = upstream.headers.get(name);
    if (value !== null && grammar.test(value)) headers.set(name, value);
  }
  if (upstream.status === 204) {
    await upstream.body?.cancel();
    return { response: new Response(null, { status: 204, headers }), code: null };
  }
  const type = upstream.headers.get("content-type") ?? "";
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
    await upstream.body?.cancel();
    return no("upstream_invalid_response", "the API answered with non-JSON");
  }
  const text = await readText(upstream, maxBytes);
  if (text === undefined) {
    return no("upstream_too_large", "the API answer is over the size limit");
  }
  const scrubbed = text.split(apiKey).join("[redacted]");
  return { response: new Response(scrubbed, { status: upstream.status, headers }), code: null };
}

async function readText(response: Response, maxBytes: number): Promise<string | undefined> {
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
