import type { paths } from "@extendkit/core";
import createFetchClient from "openapi-fetch";
import { API_VERSION, type Contender, type ContenderInit, type RunApi } from "./types.ts";

/** openapi-fetch 0.17 with extendkit's generated `paths` types, used the way its README shows. */
export const openapiFetch: Contender = {
  name: "openapi-fetch",
  label: "openapi-fetch",
  create(init: ContenderInit): RunApi {
    const client = createFetchClient<paths>({
      baseUrl: init.baseUrl,
      fetch: (request: Request) => init.fetch(request),
      headers: { authorization: `Bearer ${init.apiKey}`, "x-extend-api-version": API_VERSION },
    });
    const unwrap = <T>(result: { data?: T; error?: unknown; response: Response }): T => {
      if (result.error !== undefined || !result.response.ok) {
        throw new Error(`${result.response.url} failed with ${result.response.status}`);
      }
      return result.data as T;
    };
    return {
      cancel: async (id) =>
        unwrap(await client.POST("/extract_runs/{id}/cancel", { params: { path: { id } } })),
      delete: async (id) =>
        unwrap(await client.DELETE("/extract_runs/{id}", { params: { path: { id } } })),
    };
  },
};
