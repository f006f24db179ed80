// Minimal Worker: cancel and delete one extract run with @extendkit/workers' tiny client (core's
// run-id methods + env bindings), as its README recommends for the smallest Worker.
import { createTinyClient } from "@extendkit/workers";

interface Env {
  EXTEND_API_KEY: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const id = new URL(request.url).searchParams.get("id") ?? "";
    const client = createTinyClient(env);
    await client.extractRuns.cancel(id);
    await client.extractRuns.delete(id);
    return new Response("ok");
  },
};
