import { API_VERSION, type Contender, type ContenderInit, type RunApi } from "./types.ts";

/**
 * The baseline: hand-written `fetch` calls doing the minimum a correct caller does — encode the id,
 * send the auth and version headers, throw on a non-2xx status, parse the JSON body. No retries.
 */
export const rawFetch: Contender = {
  name: "raw-fetch",
  label: "raw fetch",
  create: (init) => rawFetchApi(init),
};

/**
 * The raw-fetch calls; with `timeoutMs`, each request also gets an `AbortSignal` fired by a timer
 * that covers the headers and the body (the `raw-fetch-timed` reference).
 */
export function rawFetchApi(init: ContenderInit, timeoutMs?: number): RunApi {
  const headers = {
    authorization: `Bearer ${init.apiKey}`,
    "x-extend-api-version": API_VERSION,
  };
  const send = async (method: string, path: string): Promise<unknown> => {
    const controller = timeoutMs === undefined ? undefined : new AbortController();
    const timer = controller && setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await init.fetch(`${init.baseUrl}${path}`, {
        method,
        headers,
        ...(controller && { signal: controller.signal }),
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`${method} ${path} failed with ${response.status}`);
      }
      return await response.json();
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    cancel: (id) => send("POST", `/extract_runs/${encodeURIComponent(id)}/cancel`),
    delete: (id) => send("DELETE", `/extract_runs/${encodeURIComponent(id)}`),
  };
}
