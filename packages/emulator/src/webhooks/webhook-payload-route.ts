import type { Hono } from "hono";
import type { EmulatorClock } from "../emulator-clock.ts";
import type { Exchange } from "../exchange.ts";
import { type SignedPayloads, WEBHOOK_PAYLOAD_PATH } from "./signed-payloads.ts";

/**
 * `GET /__emulator/webhook-payloads/:eventId?sig=…`: the signed data URLs of events sent with
 * `payloadFormat: "url"`. Like a presigned link it needs no API key; it is never faulted and is
 * served whether or not the control endpoint is on. Recorded as operation `webhookPayload`.
 */
export function registerWebhookPayloadRoute(
  app: Hono<{ Bindings: { exchange: Exchange } }>,
  payloads: SignedPayloads,
  clock: EmulatorClock,
): void {
  app.get(`${WEBHOOK_PAYLOAD_PATH}/:eventId`, (c) => {
    const { record } = c.env.exchange;
    record.operationId = "webhookPayload";
    const response = payloads.answer(
      c.req.param("eventId"),
      c.req.query("sig") ?? null,
      clock.now(),
    );
    record.status = response.status;
    return response;
  });
}
