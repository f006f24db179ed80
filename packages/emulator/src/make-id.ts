import type { Rng } from "./create-rng.ts";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `prefix` + 22 characters of `[A-Za-z0-9]`, drawn from `rng` (REFERENCE §1.5 id shape). */
export function makeId(prefix: string, rng: Rng, length = 22): string {
  let body = "";
  for (let i = 0; i < length; i++) body += ALPHABET[rng.int(ALPHABET.length)];
  return prefix + body;
}
