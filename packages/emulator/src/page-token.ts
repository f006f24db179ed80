/**
 * Opaque page tokens. Like Extend's (REFERENCE §7: `xK9m…==:zWvU…/Q+CN…=`), every token contains
 * `+`, `/`, `=` and `:`, so a client that forgets to URL-encode it fails against the emulator too:
 * an unencoded `+` arrives as a space and the token is rejected.
 */
export type TokenPayload = { k: number; id: string } | { o: number };

const MAGIC = [0xfb, 0xff]; // base64 "+/…"

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function encodePageToken(payload: TokenPayload): string {
  const json = new TextEncoder().encode(JSON.stringify(payload));
  return `${b64(new Uint8Array([...MAGIC, ...json]))}:${b64(new Uint8Array([json.length % 251]))}`;
}

/** The payload of a token, or null when the token is not one the emulator made. */
export function decodePageToken(token: string): TokenPayload | null {
  try {
    const [body, check, extra] = token.split(":");
    if (!body || !check || extra !== undefined) return null;
    const bytes = unb64(body);
    if (bytes[0] !== MAGIC[0] || bytes[1] !== MAGIC[1]) return null;
    const json = bytes.slice(2);
    if (unb64(check)[0] !== json.length % 251) return null;
    const payload = JSON.parse(new TextDecoder().decode(json)) as TokenPayload;
    if ("o" in payload && Number.isInteger(payload.o) && payload.o >= 0) return payload;
    if ("k" in payload && typeof payload.k === "number" && typeof payload.id === "string")
      return payload;
    return null;
  } catch {
    return null;
  }
}
