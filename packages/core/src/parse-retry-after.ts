// A non-negative decimal, alone or first in a comma-joined list of repeated headers.
const DECIMAL = /^\s*(\d+(?:\.\d+)?)\s*(?:,|$)/;
// IMF-fixdate, the form RFC 9110 requires senders to use: "Sun, 06 Nov 1994 08:49:37 GMT".
const HTTP_DATE = /^\s*([A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)\s*(?:,|$)/;

/**
 * The server's advised wait in milliseconds, or undefined when it gave none that is usable.
 *
 * Contract (reliability §1.3, catalogue A3–A7, D12):
 * - `retry-after-ms` wins over `Retry-After`;
 * - `Retry-After` is delay-seconds (fractions allowed) or an IMF-fixdate measured against `now`;
 * - `0` means "retry now"; a date in the past, negative, non-numeric, `Infinity`, `1e309` and
 *   other non-decimal forms are unusable (the caller falls back to backoff);
 * - repeated headers (joined with ", ") use the first value, so the result is deterministic.
 * Whether a usable value is too long to wait for is the caller's decision (`maxRetryAfter`).
 */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const ms = DECIMAL.exec(headers.get("retry-after-ms") ?? "");
  if (ms !== null) return finite(Number(ms[1]));
  const value = headers.get("retry-after");
  if (value === null) return undefined;
  const seconds = DECIMAL.exec(value);
  if (seconds !== null) return finite(Number(seconds[1]) * 1000);
  const date = HTTP_DATE.exec(value);
  if (date === null) return undefined;
  const wait = Date.parse(date[1] as string) - now;
  return Number.isFinite(wait) && wait >= 0 ? Math.ceil(wait) : undefined;
}

function finite(ms: number): number | undefined {
  return Number.isFinite(ms) ? Math.ceil(ms) : undefined;
}
