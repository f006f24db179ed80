// Size guard fixture (.size-limit.js): a Worker that only receives Extend's webhooks, verifying
// each delivery (signature over the raw body, replay window) before it trusts the event.
import { verifyWebhook, WebhookVerificationError } from "@extendkit/workers";

export default {
  async fetch(request: Request, env: { EXTEND_WEBHOOK_SECRET: string }): Promise<Response> {
    try {
      const event = await verifyWebhook(request, { secret: env.EXTEND_WEBHOOK_SECRET });
      return Response.json({ received: event.eventId, type: event.eventType });
    } catch (error) {
      if (error instanceof WebhookVerificationError) {
        return Response.json({ error: error.reason }, { status: 400 });
      }
      throw error;
    }
  },
};
