// Minimal Worker: cancel and delete one extract run with openapi-fetch and extendkit's types.
import type { paths } from "@extendkit/core";
import createFetchClient from "openapi-fetch";

interface Env {
  EXTEND_API_KEY: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const id = new URL(request.url).searchParams.get("id") ?? "";
    const client = createFetchClient<paths>({
      baseUrl: "https://api.extend.ai",
      headers: {
        authorization: `Bearer ${env.EXTEND_API_KEY}`,
        "x-extend-api-version": "2026-02-09",
      },
    });
    const cancelled = await client.POST("/extract_runs/{id}/cancel", { params: { path: { id } } });
    if (cancelled.error !== undefined)
      throw new Error(`cancel failed: ${cancelled.response.status}`);
    const deleted = await client.DELETE("/extract_runs/{id}", { params: { path: { id } } });
    if (deleted.error !== undefined) throw new Error(`delete failed: ${deleted.response.status}`);
    return new Response("ok");
  },
};
