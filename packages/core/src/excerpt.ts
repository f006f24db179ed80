import type { Redactor } from "./create-redactor.ts";

/** At most 1 KB of `text`, control characters removed, whitespace collapsed, the key redacted. */
export function excerpt(text: string, redactor: Redactor): string {
  const clean = redactor
    .text(text)
    .replace(/[\p{Cc}\p{Cf}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return clean.length > 1024 ? `${clean.slice(0, 1023)}…` : clean;
}
