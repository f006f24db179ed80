import { InvalidArgumentError } from "./invalid-argument-error.ts";

const MAX_LENGTH = 255;
// Separators, query/fragment markers, percent (pre-encoded input), backslash, whitespace, control
// and invisible format characters (bidi overrides, zero-width space): none occurs in an Extend id,
// and each could change which URL is requested or what a person reading a log believes it is.
// `\p{Cs}`: a lone UTF-16 surrogate (with the `u` flag a pair is one code point, never `Cs`),
// which cannot be encoded as UTF-8 (encodeURIComponent throws on it).
const UNSAFE = /[/\\?#%\s\p{Cc}\p{Cf}\p{Cs}]/u;

/**
 * Throws `InvalidArgumentError` unless `value` can be a path parameter such as a run id.
 * Runs before any URL is built, so a bad id never reaches the wire: non-strings, empty, `.`, `..`,
 * over 255 characters, leading or trailing whitespace (never trimmed silently), and any character
 * of `UNSAFE`. Whatever passes is sent as exactly one percent-encoded path segment. The message
 * quotes at most 40 characters of the value, JSON-escaped.
 */
export function assertPathParam(name: string, value: unknown): asserts value is string {
  const reason =
    typeof value !== "string"
      ? `must be a string, got ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}`
      : value.length === 0
        ? "must not be empty"
        : value.length > MAX_LENGTH
          ? `must be at most ${MAX_LENGTH} characters, got ${value.length}`
          : value === "." || value === ".."
            ? "must not be a dot segment"
            : value.trim() !== value
              ? "has leading or trailing whitespace"
              : UNSAFE.test(value)
                ? "has a character no Extend id has"
                : undefined;
  if (reason !== undefined)
    throw new InvalidArgumentError(
      `${name}${typeof value === "string" ? ` (${JSON.stringify(value.slice(0, 40))})` : ""} ${reason}`,
    );
}
