// Minimal Worker: cancel and delete one extract run with hand-written fetch calls.
interface Env {
  EXTEND_API_KEY: string;
}

async function send(env: Env, method: string, path: string): Promise<unknown> {
  const response = await fetch(`https://api.extend.ai${path}`, {
    method,
    headers: {
      authorization: `Bearer ${env.EXTEND_API_KEY}`,
      "x-extend-api-version": "2026-02-09",
    },
  });
  if (!response.ok) throw new Error(`${method} ${path} failed with ${response.status}`);
  return response.json();
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const id = encodeURIComponent(new URL(request.url).searchParams.get("id") ?? "");
    await send(env, "POST", `/extract_runs/${id}/cancel`);
    await send(env, "DELETE", `/extract_runs/${id}`);
    return new Response("ok");
  },
};
