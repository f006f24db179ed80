// An example Worker using @extendkit/workers.
//
// - fetch: `GET /runs/:id`, `POST /runs/:id/cancel`, `DELETE /runs/:id` for any run type (the id
//   prefix picks the resource), for callers holding `Authorization: Bearer <ADMIN_TOKEN>`.
// - fetch: `POST /webhooks/extend`, Extend's webhook deliveries (signed, no admin token): each
//   extract, classify, split, parse or edit run is deleted as soon as it has finished, once your
//   own handling (`keep`) is done. A repeated delivery finds the run gone, which counts as done.
//   Endpoints that receive large payloads by URL work too: the run object is fetched first.
// - scheduled (cron): deletes every PROCESSED extract run. The client caps itself at 6 requests in
//   flight, Workers' limit of simultaneous connections, so `Promise.all` over many ids is safe.
//
// Bindings: EXTEND_API_KEY (secret), ADMIN_TOKEN (secret), EXTEND_WEBHOOK_SECRET (secret, the
// endpoint's `wss_…`), optional EXTEND_WORKSPACE_ID, EXTEND_BASE_URL, EXTEND_API_VERSION. No
// nodejs_compat needed.
import {
  ApiError,
  createClient,
  type ExtendEnv,
  fetchWebhookPayload,
  isAlreadyDeleted,
  NotFoundError,
  type SignedUrlWebhookEvent,
  verifyWebhook,
  type WebhookEvent,
  WebhookVerificationError,
} from "@extendkit/workers";

interface Env extends ExtendEnv {
  ADMIN_TOKEN: string;
  EXTEND_WEBHOOK_SECRET: string;
}

/** Most runs one cron invocation deletes; the next invocation continues. */
const BATCH = 200;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (new URL(request.url).pathname === "/webhooks/extend" && request.method === "POST") {
      return receiveWebhook(request, env);
    }
    if (!env.ADMIN_TOKEN || request.headers.get("authorization") !== `Bearer ${env.ADMIN_TOKEN}`) {
      return Response.json({ error: "unauthorized" }, { status: 401 });
    }
    const match = /^\/runs\/([A-Za-z0-9_-]+)(\/cancel)?$/.exec(new URL(request.url).pathname);
    if (match === null) return Response.json({ error: "not found" }, { status: 404 });
    const [, id, cancel] = match as unknown as [string, string, string | undefined];
    const client = createClient(env);
    try {
      if (request.method === "GET" && !cancel) return Response.json(await client.runs.retrieve(id));
      if (request.method === "POST" && cancel) return Response.json(await client.runs.cancel(id));
      if (request.method === "DELETE" && !cancel)
        return Response.json(await client.runs.delete(id));
      return Response.json({ error: "method not allowed" }, { status: 405 });
    } catch (error) {
      if (error instanceof ApiError) {
        return Response.json({ error: error.code }, { status: error.status });
      }
      throw error;
    }
  },

  async scheduled(_controller: unknown, env: Env): Promise<void> {
    const client = createClient(env);
    const ids: string[] = [];
    for await (const run of client.extractRuns.list({ status: "PROCESSED" })) {
      ids.push(run.id);
      if (ids.length === BATCH) break;
    }
    await Promise.all(ids.map((id) => client.extractRuns.delete(id)));
  },
};

/** The events after which a run is deleted (workflow runs are left to their workflow). */
const FINISHED = /^(extract|classify|split|parse|edit)_run\.(processed|failed)$/;

/**
 * Keeps what is needed of a finished run before the run is deleted: here one log line (Workers
 * Logs); put your own storage here (R2, D1, a queue). Throwing makes the delivery a 500, so the
 * run is not deleted and the event is sent again.
 */
async function keep(event: WebhookEvent): Promise<void> {
  const { id, status } = event.payload as { id: string; status?: string };
  console.log(JSON.stringify({ eventId: event.eventId, run: id, status }));
}

/**
 * 400 for a delivery that does not verify; 200 once the finished run is deleted (or was already
 * gone: a repeated delivery); a thrown error is a 500, so Extend sends the delivery again.
 */
async function receiveWebhook(request: Request, env: Env): Promise<Response> {
  let event: WebhookEvent | SignedUrlWebhookEvent;
  try {
    event = await verifyWebhook(request, { secret: env.EXTEND_WEBHOOK_SECRET, signedUrl: "keep" });
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      return Response.json({ error: error.reason }, { status: 400 });
    }
    throw error;
  }
  if (!FINISHED.test(event.eventType)) return Response.json({ ignored: event.eventType });
  await keep(await fetchWebhookPayload(event)); // a signed URL's run object; inline: as it is
  try {
    const deleted = await createClient(env).runs.delete(event.payload.id);
    return Response.json({ deleted: event.payload.id, alreadyGone: isAlreadyDeleted(deleted) });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ alreadyGone: event.payload.id });
    throw error;
  }
}
