// Minimal Worker: cancel and delete one extract run with the official SDK, extend-ai 1.17.0.
import { ExtendClient } from "extend-ai";

interface Env {
  EXTEND_API_KEY: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const id = new URL(request.url).searchParams.get("id") ?? "";
    const client = new ExtendClient({ token: env.EXTEND_API_KEY });
    await client.extractRuns.cancel(id);
    await client.extractRuns.delete(id);
    return new Response("ok");
  },
};
