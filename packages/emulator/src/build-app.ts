import { Hono } from "hono";
import { registerControlRoutes } from "./control-routes.ts";
import type { Emulator } from "./emulator.ts";
import type { EmulatorState } from "./emulator-state.ts";
import type { Exchange } from "./exchange.ts";
import { handleApiRequest } from "./handle-api-request.ts";
import { registerWebhookPayloadRoute } from "./webhooks/webhook-payload-route.ts";

/**
 * The Hono app: the control endpoint, the signed data URLs of webhook payloads, then one route per
 * spec operation (static paths first), then a 404 with Extend's error body for anything else.
 * Errors that must reach the caller as a rejection (connection resets, spec violations) travel in
 * `exchange.error`, not through Hono.
 */
export function buildApp(
  state: EmulatorState,
  emu: Emulator,
  controlPath: string | false,
): Hono<{ Bindings: { exchange: Exchange } }> {
  const app = new Hono<{ Bindings: { exchange: Exchange } }>();
  if (controlPath !== false) registerControlRoutes(app, controlPath, emu);
  registerWebhookPayloadRoute(app, state.webhooks.payloads, state.clock);
  for (const op of state.ops) {
    app.on(op.method, op.honoPath, async (c) => {
      const exchange = c.env.exchange;
      try {
        const params = c.req.param() as Record<string, string>;
        return await handleApiRequest(state, op, c.req.raw, params.id ?? "", exchange);
      } catch (e) {
        exchange.error = e;
        return new Response(null, { status: 500 });
      }
    });
  }
  app.notFound((c) => {
    const { record } = c.env.exchange;
    record.status = 404;
    return c.json(
      {
        code: "NOT_FOUND",
        message: `No route ${c.req.method} ${new URL(c.req.url).pathname}.`,
        retryable: false,
        requestId: record.requestId,
      },
      404,
      { "x-extend-request-id": record.requestId },
    );
  });
  app.onError((error, c) => {
    c.env.exchange.error = error;
    return new Response(null, { status: 500 });
  });
  return app;
}
