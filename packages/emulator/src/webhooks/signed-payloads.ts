import type { Rng } from "../create-rng.ts";
import { makeId } from "../make-id.ts";

/** Path under which the emulator serves signed data URLs: `<base>/__emulator/webhook-payloads/<eventId>?sig=…`. */
export const WEBHOOK_PAYLOAD_PATH = "/__emulator/webhook-payloads";

/** How long a signed data URL works, on the emulator clock (REFERENCE §6.1: one hour). */
export const SIGNED_URL_TTL_MS = 60 * 60 * 1000;

interface StoredPayload {
  token: string;
  json: string;
  expiresAt: number;
}

const notFound = () =>
  new Response(
    JSON.stringify({
      code: "NOT_FOUND",
      message: "No such payload, a wrong signature, or the link expired.",
      retryable: false,
    }),
    { status: 404, headers: { "content-type": "application/json" } },
  );

/**
 * The payloads of events sent by URL (`payloadFormat: "url"`), one per event, each behind a random
 * token and valid for one hour of emulator time. The URL needs no API key, like a presigned link;
 * it may be fetched any number of times until it expires.
 */
export class SignedPayloads {
  readonly #payloads = new Map<string, StoredPayload>();

  /** Stores `json` (the payload the URL replaces) for `eventId` and returns the signed URL. */
  create(base: string, eventId: string, json: string, now: number, rng: Rng): string {
    let stored = this.#payloads.get(eventId);
    if (!stored) {
      stored = { token: makeId("", rng, 32), json, expiresAt: now + SIGNED_URL_TTL_MS };
      this.#payloads.set(eventId, stored);
    }
    return `${base}${WEBHOOK_PAYLOAD_PATH}/${encodeURIComponent(eventId)}?sig=${stored.token}`;
  }

  /** The answer to `GET …/<eventId>?sig=<token>` at `now`: the payload JSON, or 404. */
  answer(eventId: string, token: string | null, now: number): Response {
    const stored = this.#payloads.get(eventId);
    if (!stored || token !== stored.token || now >= stored.expiresAt) return notFound();
    return new Response(stored.json, {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  }

  clear(): void {
    this.#payloads.clear();
  }
}
