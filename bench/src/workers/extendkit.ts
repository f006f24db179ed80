// Minimal Worker: cancel and delete one extract run with @extendkit/core.
import { createClient } from "@extendkit/core";

interface Env {
  EXTEND_API_KEY: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const id = new URL(request.url).searchParams.get("id") ?? "";
    const client = createClient({ apiKey: env.EXTEND_API_KEY });
    await client.extractRuns.cancel(id);
    await client.extractRuns.delete(id);
    return new Response("ok");
  },
};
