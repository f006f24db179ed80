import type { SignedUrlWebhookEvent, WebhookEvent } from "./webhook-event.ts";
import { refuse } from "./webhook-verification-error.ts";

const decoder = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: true });

/**
 * The event of an authentic body: UTF-8 JSON with a non-empty string `eventId` and `eventType` and
 * an object `payload` (a string body is the text whose UTF-8 bytes were verified, parsed as is).
 */
export function parseWebhookEvent(body: Uint8Array | string): WebhookEvent | SignedUrlWebhookEvent {
  let event: unknown;
  try {
    event = JSON.parse(typeof body === "string" ? body : decoder.decode(body));
  } catch {
    refuse("malformed-body", "the signed body is not UTF-8 JSON");
  }
  const { eventId, eventType, payload } = (event ?? {}) as Record<string, unknown>;
  if (
    typeof eventId !== "string" ||
    eventId === "" ||
    typeof eventType !== "string" ||
    eventType === "" ||
    typeof payload !== "object" ||
    payload === null ||
    Array.isArray(payload)
  )
    refuse("malformed-body", "the signed body is not an event { eventId, eventType, payload }");
  return event as WebhookEvent;
}
