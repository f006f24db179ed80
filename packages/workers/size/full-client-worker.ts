// Size budget fixture (.size-limit.js): the same Worker as cancel-delete-worker.ts, built with the
// full `createClient` (bulk helpers, waitFor, pagination, runs router, raw): what a Worker pays for
// them. Cancels and deletes one run of every run type, by id prefix through `client.runs`.
import { createClient, type ExtendEnv } from "@extendkit/workers";

export default {
  async fetch(request: Request, env: ExtendEnv): Promise<Response> {
    const client = createClient(env);
    const ids = (await request.json()) as string[];
    for (const id of ids) {
      if (client.runs.resourceFor(id) !== "editRuns") await client.runs.cancel(id);
      await client.runs.delete(id);
    }
    return Response.json({ done: ids });
  },
};
