import { refuse } from "./webhook-verification-error.ts";

const SIGNATURE = /^[0-9a-f]{64}$/i;
/** Most signatures read from one header (a rotation sends two; more is not a real delivery). */
const MAX_SIGNATURES = 8;

/** The header's signatures as bytes: one or more 64-hex-digit values, comma or space separated. */
export function parseSignatures(header: string): Uint8Array<ArrayBuffer>[] {
  const values = header.split(/[\s,]+/).filter((value) => value !== "");
  if (values.length > MAX_SIGNATURES || !values.every((value) => SIGNATURE.test(value)))
    refuse("malformed-signature", "the signature is not 64 hex digits");
  return values.map((hex) => {
    const bytes = new Uint8Array(32);
    for (let i = 0; i < 32; i++) bytes[i] = (nibble(hex, 2 * i) << 4) | nibble(hex, 2 * i + 1);
    return bytes;
  });
}

/** The value of the hex digit at `at` (already checked to be one). */
function nibble(hex: string, at: number): number {
  const code = hex.charCodeAt(at) | 0x20; // lowercase
  return code <= 0x39 ? code - 0x30 : code - 0x57;
}
