// Reference row, not a contender: the same Worker with the full `createClient` (bulk helpers,
// waitFor, pagination, runs router, raw), to show what those cost in a bundle.
import { createClient } from "@extendkit/workers";

interface Env {
  EXTEND_API_KEY: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const id = new URL(request.url).searchParams.get("id") ?? "";
    const client = createClient(env);
    await client.extractRuns.cancel(id);
    await client.extractRuns.delete(id);
    return new Response("ok");
  },
};
