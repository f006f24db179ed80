// Reference Worker (not a contender): the same Worker as extendkit.ts with @extendkit/workers' lite
// client (every resource method, logging, the 6-request queue), for what those cost.
import { createLiteClient } from "@extendkit/workers";

interface Env {
  EXTEND_API_KEY: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const id = new URL(request.url).searchParams.get("id") ?? "";
    const client = createLiteClient(env);
    await client.extractRuns.cancel(id);
    await client.extractRuns.delete(id);
    return new Response("ok");
  },
};
