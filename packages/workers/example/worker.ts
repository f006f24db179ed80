// An example Worker using @extendkit/workers.
//
// - fetch: `GET /runs/:id`, `POST /runs/:id/cancel`, `DELETE /runs/:id` for any run type (the id
//   prefix picks the resource), for callers holding `Authorization: Bearer <ADMIN_TOKEN>`.
// - scheduled (cron): deletes every PROCESSED extract run. The client caps itself at 6 requests in
//   flight, Workers' limit of simultaneous connections, so `Promise.all` over many ids is safe.
//
// Bindings: EXTEND_API_KEY (secret), ADMIN_TOKEN (secret), optional EXTEND_WORKSPACE_ID,
// EXTEND_BASE_URL, EXTEND_API_VERSION. No nodejs_compat needed.
import { ApiError, createClient, type ExtendEnv } from "@extendkit/workers";

interface Env extends ExtendEnv {
  ADMIN_TOKEN: string;
}

/** Most runs one cron invocation deletes; the next invocation continues. */
const BATCH = 200;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
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
