import type { Hono } from "hono";
import type { Exchange } from "./exchange.ts";

// What the control endpoint's route files share: control-routes.ts and
// webhooks/webhook-control-routes.ts.

export type App = Hono<{ Bindings: { exchange: Exchange } }>;
/** Wraps a control route: records it as `control`, and answers 400 with the message of a throw. */
export type Guard = (
  fn: (request: Request, params: Record<string, string>) => Promise<Response> | Response,
) => (c: {
  req: { raw: Request; param(): Record<string, string> };
  env: { exchange: Exchange };
}) => Promise<Response>;

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

export const bad = (message: string) =>
  json({ code: "INVALID_REQUEST", message, retryable: false }, 400);
