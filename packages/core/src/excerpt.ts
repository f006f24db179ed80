import type { Redactor } from "./create-redactor.ts";

/** At most 1 KB of `text`, control characters removed, whitespace collapsed, the key redacted. */
export function excerpt(text: string, redactor: Redactor): string {
  // Each run of control, format or space characters becomes one space.
  const clean = redactor
    .text(text)
    .replace(/[\s\p{Cc}\p{Cf}]+/gu, " ")
    .trim();
  return clean.length > 1024 ? `${clean.slice(0, 1023)}…` : clean;
}
