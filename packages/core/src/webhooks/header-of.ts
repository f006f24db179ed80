import type { WebhookDelivery } from "./webhook-event.ts";

/**
 * The value of header `name` (lowercase) in `headers`, matched in any letter case; repeated
 * values are joined with ", " as `Headers.get` joins them. `undefined` when absent.
 */
export function headerOf(headers: WebhookDelivery["headers"], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  let found: string | undefined;
  for (const key in headers) {
    const value = headers[key];
    if (key.toLowerCase() !== name || value === undefined) continue;
    const text = typeof value === "string" ? value : value.join(", ");
    found = found === undefined ? text : `${found}, ${text}`;
  }
  return found;
}
