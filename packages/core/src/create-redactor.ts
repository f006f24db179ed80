/** Removes one secret (the API key) from strings, JSON-like values and errors. */
export interface Redactor {
  /** `text` with every occurrence of the secret replaced by `[REDACTED]`. */
  text(text: string): string;
  /** `value` itself when no string inside it holds the secret, else a redacted deep copy. */
  value<T>(value: T): T;
  /**
   * `error` itself when neither its message, stack, own fields nor causes hold the secret, else a
   * redacted copy (same name, message, stack, fields such as `code`, and redacted causes).
   */
  error(error: unknown): unknown;
}

const MASK = "[REDACTED]";

/** The redactor of a client that holds no API key (a browser's): there is nothing to redact. */
export const NO_SECRET: Redactor = { text: (s) => s, value: (v) => v, error: (e) => e };

export function createRedactor(secret: string): Redactor {
  const text = (s: string) => (s.includes(secret) ? s.split(secret).join(MASK) : s);
  const leaks = (v: unknown, depth = 0): boolean => {
    if (typeof v === "string") return v.includes(secret);
    if (typeof v !== "object" || v === null || depth > 8) return false;
    if (v instanceof Headers) return [...v].some(([, h]) => h.includes(secret));
    // Not `stack`: reading it makes V8 format every frame, and a stack holds the message (checked
    // here) plus source locations. A copy made for any other reason redacts its stack anyway.
    if (v instanceof Error && (leaks(v.message) || leaks(v.cause, depth + 1))) return true;
    return Object.values(v).some((x) => leaks(x, depth + 1));
  };
  const copy = (v: unknown, depth: number): unknown => {
    if (typeof v === "string") return text(v);
    if (typeof v !== "object" || v === null || depth > 8 || !leaks(v)) return v;
    if (v instanceof Headers)
      return new Headers([...v].map(([k, h]): [string, string] => [k, text(h)]));
    if (v instanceof Error) return copyError(v, depth);
    if (Array.isArray(v)) return v.map((x) => copy(x, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x, depth + 1)]));
  };
  const copyError = (e: Error, depth: number): Error => {
    const out = new Error(text(e.message), { cause: copy(e.cause, depth + 1) });
    for (const [k, x] of Object.entries(e))
      (out as unknown as Record<string, unknown>)[k] = copy(x, depth + 1);
    out.name = e.name;
    out.stack = e.stack === undefined ? undefined : text(e.stack);
    return out;
  };
  return {
    text,
    value: <T>(v: T) => copy(v, 0) as T,
    error: (e: unknown) => copy(e, 0),
  };
}
