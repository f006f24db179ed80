import { ExtendClient } from "extend-ai";
import type { Contender, ContenderInit, RunApi } from "./types.ts";

/** The official SDK, extend-ai 1.17.0, with its defaults (2 retries, 300 s timeout). */
export const extendAi: Contender = {
  name: "extend-ai",
  label: "extend-ai 1.17.0",
  create(init: ContenderInit): RunApi {
    const client = new ExtendClient({
      token: init.apiKey,
      baseUrl: init.baseUrl,
      fetch: init.fetch as typeof fetch,
    });
    return {
      cancel: (id) => client.extractRuns.cancel(id),
      delete: (id) => client.extractRuns.delete(id),
    };
  },
};
