import { assertPathParam } from "@extendkit/core";
import { API_VERSION, type FetchLike, type RunApi } from "../contenders/types.ts";

/**
 * NOT a contender and not shipped: a reference point for section 2. The least work a transport can
 * do while keeping core's per-call guarantees on the success path — the id validated before any
 * URL is built, credentials added beneath the caller, redirects refused, one timer per attempt
 * that also covers reading the body, the body parsed once, a 2xx naming another run refused.
 * What it leaves out (retries, typed errors, cancel reconciliation) costs nothing on a 2xx.
 * It shows how far core's layering (openapi-fetch beneath, a second Request per attempt, the body
 * streamed and re-wrapped in a new Response, then parsed twice) is from that floor.
 */
export function createLeanTransport(init: {
  fetch: FetchLike;
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
}): RunApi {
  const headers: [string, string][] = [
    ["authorization", `Bearer ${init.apiKey}`],
    ["x-extend-api-version", API_VERSION],
  ];
  const timeoutMs = init.timeoutMs ?? 60_000;
  const send = async (method: string, template: string, id: string): Promise<unknown> => {
    assertPathParam("id", id);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const url = `${init.baseUrl}${template.replace("{id}", encodeURIComponent(id))}`;
      const request = new Request(url, {
        method,
        headers,
        signal: controller.signal,
        redirect: "manual",
      });
      const response = await init.fetch(request);
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${template} failed with ${response.status}`);
      const data = JSON.parse(text) as { id?: unknown };
      if (data.id !== id) throw new Error(`${method} ${template}: the answer is about another run`);
      return data;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    cancel: (id) => send("POST", "/extract_runs/{id}/cancel", id),
    delete: (id) => send("DELETE", "/extract_runs/{id}", id),
  };
}
