import { InvalidArgumentError } from "./invalid-argument-error.ts";

const MAX_LENGTH = 255;
// Separators, query/fragment markers, percent (pre-encoded input), backslash, whitespace and
// control characters: none occurs in an Extend id, and each could change which URL is requested.
const UNSAFE = /[/\\?#%\s\p{Cc}]/u;

/**
 * Throws `InvalidArgumentError` unless `value` can be a path parameter such as a run id.
 * Runs before any URL is built, so a bad id never reaches the wire. The message quotes at most
 * 40 characters of the value, JSON-escaped.
 */
export function assertPathParam(name: string, value: unknown): asserts value is string {
  const reason =
    typeof value !== "string"
      ? `must be a string, got ${value === null ? "null" : typeof value}`
      : value.length === 0
        ? "must not be empty"
        : value.length > MAX_LENGTH
          ? `must be at most ${MAX_LENGTH} characters, got ${value.length}`
          : value === "." || value === ".."
            ? "must not be a dot segment"
            : UNSAFE.test(value)
              ? "contains a character that cannot appear in an Extend id"
              : undefined;
  if (reason !== undefined) {
    const shown = typeof value === "string" ? ` (${JSON.stringify(value.slice(0, 40))})` : "";
    throw new InvalidArgumentError(`${name}${shown} ${reason}`);
  }
}
