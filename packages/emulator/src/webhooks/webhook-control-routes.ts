import { type App, type Guard, json } from "../control-kit.ts";
import type { Emulator } from "../emulator.ts";
import { SpecViolationError } from "../spec-violation-error.ts";
import type { WebhookEndpoint } from "./webhook-options.ts";

/**
 * The control endpoint's webhook routes (under its base, `at`):
 *   GET    /webhooks               {deliveries}
 *   POST   /webhooks/idle          waits until every delivery settled → {deliveries}; 500
 *                                  EMULATOR_SPEC_VIOLATION when an event broke the spec
 *   POST   /webhooks/events/:id/redeliver   → {deliveries} (the new attempts, settled); 404
 *   PUT    /webhooks/endpoints     WebhookEndpoint[] (sent with the configured `fetch`)
 */
export function registerWebhookControlRoutes(
  app: App,
  at: (path: string) => string,
  guard: Guard,
  emu: Emulator,
): void {
  app.get(
    at("/webhooks"),
    guard(() => json({ deliveries: emu.webhooks.deliveries() })),
  );
  app.post(
    at("/webhooks/idle"),
    guard(async () => {
      try {
        await emu.webhooks.idle();
      } catch (e) {
        if (!(e instanceof SpecViolationError)) throw e;
        return json({ code: "EMULATOR_SPEC_VIOLATION", message: e.message, retryable: false }, 500);
      }
      return json({ deliveries: emu.webhooks.deliveries() });
    }),
  );
  app.post(
    at("/webhooks/events/:id/redeliver"),
    guard(async (_r, p) => {
      const id = p.id ?? "";
      if (!emu.webhooks.deliveries().some((d) => d.eventId === id))
        return json({ code: "NOT_FOUND", message: `No event ${id}.`, retryable: false }, 404);
      return json({ deliveries: await emu.webhooks.redeliver(id) });
    }),
  );
  app.put(
    at("/webhooks/endpoints"),
    guard(async (r) => {
      emu.webhooks.setEndpoints(JSON.parse((await r.text()) || "[]") as WebhookEndpoint[]);
      return json({ ok: true });
    }),
  );
}
